import { screen } from '@testing-library/react';
import { LogInDocument } from '../../../generated/graphql';
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

  it('explains that two-factor sign-in is not supported yet', async () => {
    const { router, user } = renderApp('/login', [
      meMock(null),
      {
        ...logInSucceeds,
        result: { data: { logIn: { __typename: 'MfaChallenge', challengeId: 'ch_1' } } },
      },
    ]);

    await logIn(user);

    await screen.findByText(/two-factor sign-in/);
    expect(screen.getByRole('alert')).toHaveTextContent('not supported here yet');
    expect(router.state.location.pathname).toBe('/login');
  });

  it('sends a signed-in visitor on to the app', async () => {
    const { router } = renderApp('/login', [meMock(anAccount())]);

    expect(await screen.findByRole('heading', { name: 'Profile' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/settings/profile');
  });
});
