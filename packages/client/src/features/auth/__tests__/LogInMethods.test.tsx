import { screen } from '@testing-library/react';
import {
  CompleteMfaChallengeDocument,
  CompletePasskeySignInDocument,
  LogInDocument,
  SendMfaSmsCodeDocument,
  StartPasskeySignInDocument,
} from '../../../generated/graphql';
import { anAccount, errorResult, meMock } from '../../../test/mocks';
import { renderApp } from '../../../test/renderApp';
import { getPasskey } from '../../passkeys/webauthn';

// The browser's WebAuthn prompt cannot run in jsdom: the helper that calls it answers instead.
jest.mock('../../passkeys/webauthn', () => ({
  ...jest.requireActual<typeof import('../../passkeys/webauthn')>('../../passkeys/webauthn'),
  passkeysSupported: () => true,
  passkeyAutofillSupported: () => Promise.resolve(false),
  getPasskey: jest.fn(),
}));

const assertion = { id: 'cred_1', rawId: 'cred_1', type: 'public-key', response: {} };
const OPTIONS = { challenge: 'abc', rpId: 'localhost', userVerification: 'required' };
const input = { email: 'ada@example.com', password: 'Analytical-Engine-1', issueToken: false };

const startMock = {
  request: { query: StartPasskeySignInDocument },
  result: { data: { startPasskeySignIn: { attemptId: 'att_1', options: OPTIONS } } },
};

describe('signing in with a passkey', () => {
  it('signs in without a password from the passkey button', async () => {
    jest.mocked(getPasskey).mockResolvedValue(assertion);
    const { router, user } = renderApp('/login', [
      meMock(null),
      startMock,
      {
        request: {
          query: CompletePasskeySignInDocument,
          variables: { input: { attemptId: 'att_1', response: assertion, issueToken: false } },
        },
        result: { data: { completePasskeySignIn: { account: anAccount() } } },
      },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Sign in with a passkey' }));
    expect(await screen.findByRole('heading', { name: 'Profile' })).toBeInTheDocument();
    expect(jest.mocked(getPasskey)).toHaveBeenCalledWith(OPTIONS, false);
    expect(router.state.location.pathname).toBe('/settings/profile');
  });

  it('says so when the passkey is not one of an account', async () => {
    jest.mocked(getPasskey).mockResolvedValue(assertion);
    const { user } = renderApp('/login', [
      meMock(null),
      startMock,
      {
        request: {
          query: CompletePasskeySignInDocument,
          variables: { input: { attemptId: 'att_1', response: assertion, issueToken: false } },
        },
        result: errorResult('That passkey could not sign you in', {
          code: 'UNAUTHENTICATED',
          reason: 'PASSKEY_SIGN_IN_FAILED',
        }),
      },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Sign in with a passkey' }));
    expect(await screen.findByText('That passkey could not sign you in.')).toBeInTheDocument();
  });

  it('offers passkeys in the email field’s autofill', async () => {
    renderApp('/login', [meMock(null)]);
    expect(await screen.findByLabelText('Email')).toHaveAttribute(
      'autocomplete',
      'username webauthn',
    );
  });
});

describe('the second step with text-message codes', () => {
  const challenge = {
    request: { query: LogInDocument, variables: { input } },
    result: {
      data: {
        logIn: {
          __typename: 'MfaChallenge',
          challengeId: 'ch_1',
          methods: ['TOTP', 'SMS'],
          defaultMethod: 'SMS',
          phoneHint: '+34 ••••••678',
        },
      },
    },
  };

  it('texts a code at once when SMS is the default, and takes it; the app is a click away', async () => {
    const { user } = renderApp('/login?next=%2Fsettings%2Fsecurity', [
      meMock(null),
      challenge,
      {
        request: { query: SendMfaSmsCodeDocument, variables: { challengeId: 'ch_1' } },
        result: {
          data: {
            sendMfaSmsCode: { phoneHint: '+34 ••••••678', expiresAt: '2025-03-10T14:15:00Z' },
          },
        },
      },
      {
        request: {
          query: CompleteMfaChallengeDocument,
          variables: { input: { challengeId: 'ch_1', code: '246810', issueToken: false } },
        },
        result: {
          data: {
            completeMfaChallenge: { account: anAccount({ mfaEnabled: true }) },
          },
        },
      },
    ]);
    await user.type(await screen.findByLabelText('Email'), input.email);
    await user.type(screen.getByLabelText('Password'), input.password);
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(
      await screen.findByText(/We texted a 6-digit code to \+34 ••••••678/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Use your authenticator app instead' }),
    ).toBeInTheDocument();
    await user.type(screen.getByLabelText('Code'), '246810');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByRole('heading', { name: 'Security', level: 1 })).toBeInTheDocument();
  });
});
