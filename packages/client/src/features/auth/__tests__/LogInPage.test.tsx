import { screen } from '@testing-library/react';
import { CompleteMfaChallengeDocument, LogInDocument } from '../../../generated/graphql';
import { anAccount, errorResult, meMock } from '../../../test/mocks';
import { renderApp } from '../../../test/renderApp';

const input = { email: 'ada@example.com', password: 'Analytical-Engine-1', issueToken: false };

const logInSucceeds = {
  request: { query: LogInDocument, variables: { input } },
  result: { data: { logIn: { __typename: 'AuthPayload', account: anAccount() } } },
};

async function logIn(user: ReturnType<typeof renderApp>['user']) {
  await user.type(await screen.findByLabelText('Email'), input.email);
  await user.type(screen.getByLabelText('Password'), input.password);
  await user.click(screen.getByRole('button', { name: 'Log in' }));
}

describe('LogInPage', () => {
  it('shows the typed password on request, and hides it again', async () => {
    const { user } = renderApp('/login', [meMock(null)]);
    const password = await screen.findByLabelText('Password');
    await user.type(password, 'Secret-horse-1');
    const toggle = screen.getByRole('button', { name: 'Show password' });
    expect(password).toHaveAttribute('type', 'password');
    expect(toggle).toHaveAttribute('aria-pressed', 'false');

    await user.click(toggle);
    expect(password).toHaveAttribute('type', 'text');
    expect(password).toHaveValue('Secret-horse-1');
    expect(toggle).toHaveAttribute('aria-pressed', 'true');

    await user.click(toggle);
    expect(password).toHaveAttribute('type', 'password');
  });

  it('says the credentials are wrong in the alert region', async () => {
    const { router, user } = renderApp('/login', [
      meMock(null),
      {
        request: { query: LogInDocument, variables: { input } },
        result: errorResult('Invalid email or password', { code: 'UNAUTHENTICATED' }),
      },
    ]);

    await logIn(user);

    expect(await screen.findByText('Invalid email or password.')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Invalid email or password.');
    expect(router.state.location.pathname).toBe('/login');
  });

  it('returns to the page named by `next`', async () => {
    const { router, user } = renderApp('/login?next=%2Fsettings%2Fnotifications%3Fview%3Dall', [
      meMock(null),
      logInSucceeds,
    ]);

    await logIn(user);

    expect(await screen.findByRole('heading', { name: 'Notifications' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/settings/notifications');
    expect(router.state.location.search).toBe('?view=all');
  });

  it.each(['//evil.com', 'https://evil.com/', '/\\evil.com'])(
    'ignores the off-site `next` %s',
    async (next) => {
      const { router, user } = renderApp(`/login?next=${encodeURIComponent(next)}`, [
        meMock(null),
        logInSucceeds,
      ]);

      await logIn(user);

      expect(await screen.findByRole('heading', { name: 'Profile' })).toBeInTheDocument();
      expect(router.state.location.pathname).toBe('/settings/profile');
    },
  );

  describe('with two-factor authentication on', () => {
    const challenge = {
      ...logInSucceeds,
      result: {
        data: {
          logIn: {
            __typename: 'MfaChallenge',
            challengeId: 'ch_1',
            methods: ['TOTP'],
            defaultMethod: 'TOTP',
            phoneHint: null,
          },
        },
      },
    };

    function completeMock(code: string, result: object) {
      return {
        request: {
          query: CompleteMfaChallengeDocument,
          variables: { input: { challengeId: 'ch_1', code, issueToken: false } },
        },
        result,
      };
    }

    async function enterCode(user: ReturnType<typeof renderApp>['user'], code: string) {
      const field = await screen.findByLabelText('Code');
      await user.clear(field);
      await user.type(field, code);
      await user.click(screen.getByRole('button', { name: 'Verify' }));
    }

    it('asks for a code, says a wrong one is wrong, and lets the right one in', async () => {
      const { router, user } = renderApp('/login?next=%2Fsettings%2Fsecurity', [
        meMock(null),
        challenge,
        completeMock(
          '123456',
          errorResult('Invalid input', {
            code: 'BAD_USER_INPUT',
            fields: { code: 'That code is not right' },
            reasons: { code: 'CODE_INCORRECT' },
          }),
        ),
        completeMock('ABCDE-FGHIJ', {
          data: {
            completeMfaChallenge: {
              __typename: 'AuthPayload',
              account: anAccount({ mfaEnabled: true }),
            },
          },
        }),
      ]);

      await logIn(user);
      expect(
        await screen.findByRole('heading', { name: 'Two-factor authentication' }),
      ).toBeInTheDocument();
      expect(
        screen.getByText('Enter the 6-digit code from your authenticator app, or a backup code.'),
      ).toBeInTheDocument();
      expect(screen.getByLabelText('Code')).toHaveFocus();

      await enterCode(user, '123456');
      const code = screen.getByLabelText('Code');
      expect(await screen.findByText('That code is not right.')).toBeInTheDocument();
      expect(code).toHaveAttribute('aria-invalid', 'true');
      expect(code).toHaveAccessibleDescription('That code is not right.');
      expect(router.state.location.pathname).toBe('/login');

      await enterCode(user, 'ABCDE-FGHIJ');
      expect(
        await screen.findByRole('heading', { name: 'Security', level: 1 }),
      ).toBeInTheDocument();
      expect(router.state.location.pathname).toBe('/settings/security');
    });

    it('sends the person back to the password when the challenge expired', async () => {
      const { user } = renderApp('/login', [
        meMock(null),
        challenge,
        completeMock(
          '654321',
          errorResult('Invalid input', {
            code: 'BAD_USER_INPUT',
            fields: { challengeId: 'This sign-in has expired; enter your password again' },
            reasons: { challengeId: 'MFA_CHALLENGE_EXPIRED' },
          }),
        ),
      ]);

      await logIn(user);
      await enterCode(user, '654321');

      expect(await screen.findByRole('heading', { name: 'Log in to Atrium' })).toBeInTheDocument();
      expect(screen.getByRole('alert')).toHaveTextContent(
        'That sign-in took too long. Enter your password again.',
      );
      expect(screen.getByLabelText('Email')).toHaveValue(input.email);
      expect(screen.getByLabelText('Password')).toHaveValue('');
    });
  });

  it('sends a signed-in visitor on to the app', async () => {
    const { router } = renderApp('/login', [meMock(anAccount())]);

    expect(await screen.findByRole('heading', { name: 'Profile' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/settings/profile');
  });
});
