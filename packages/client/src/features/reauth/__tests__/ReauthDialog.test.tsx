import { screen, waitFor, within } from '@testing-library/react';
import { ChangePasswordDocument, ReauthenticateDocument } from '../../../generated/graphql';
import {
  anAccount,
  aSession,
  errorResult,
  meMock,
  mySecurityEventsMock,
  mySessionsMock,
} from '../../../test/mocks';
import { findToast, openSection } from '../../../test/actions';
import { renderApp } from '../../../test/renderApp';

const CURRENT = 'Old-Password-1';
const NEW = 'Brand-New-Password-2';
const changeInput = { currentPassword: CURRENT, newPassword: NEW, signOutOtherSessions: false };

const refused = {
  request: { query: ChangePasswordDocument, variables: { input: changeInput } },
  result: errorResult('Confirm your password to continue', { code: 'REAUTHENTICATION_REQUIRED' }),
};
const changed = {
  request: { query: ChangePasswordDocument, variables: { input: changeInput } },
  result: { data: { changePassword: true } },
};

function reauthenticateMock(input: Record<string, string>, result?: object) {
  return {
    request: { query: ReauthenticateDocument, variables: { input } },
    result: result ?? { data: { reauthenticate: { __typename: 'Session', id: 'ses_this' } } },
  };
}

function renderSecurity(account = anAccount(), ...mocks: Parameters<typeof renderApp>[1]) {
  return renderApp('/settings/security', [
    meMock(account),
    mySessionsMock([aSession()]),
    mySecurityEventsMock([]),
    ...mocks,
  ]);
}

async function changePassword(user: ReturnType<typeof renderApp>['user']) {
  await openSection(user, 'Password');
  const section = within(await screen.findByRole('region', { name: 'Password' }));
  await user.type(section.getByLabelText('Current password'), CURRENT);
  await user.type(section.getByLabelText('New password'), NEW);
  await user.type(section.getByLabelText('Confirm new password'), NEW);
  await user.click(section.getByRole('button', { name: 'Change password' }));
  return section;
}

describe('re-authentication (sudo mode)', () => {
  it('asks for the password, confirms it and retries the refused change', async () => {
    const { user } = renderSecurity(
      anAccount(),
      refused,
      reauthenticateMock(
        { password: 'wrong' },
        errorResult('Invalid input', {
          code: 'BAD_USER_INPUT',
          fields: { password: 'Wrong password' },
          reasons: { password: 'WRONG_PASSWORD' },
        }),
      ),
      reauthenticateMock({ password: CURRENT }),
      changed,
    );

    const section = await changePassword(user);

    const dialog = within(await screen.findByRole('dialog', { name: "Confirm it's you" }));
    const password = dialog.getByLabelText('Password');
    expect(password).toHaveFocus();
    await user.type(password, 'wrong');
    await user.click(dialog.getByRole('button', { name: 'Confirm' }));
    expect(await dialog.findByText('Wrong password.')).toBeInTheDocument();
    expect(password).toHaveAttribute('aria-invalid', 'true');

    await user.clear(password);
    await user.type(password, CURRENT);
    await user.click(dialog.getByRole('button', { name: 'Confirm' }));

    // The page gets the retried answer as if nothing had happened in between.
    expect(await findToast('Your password was changed.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    // Done: the form closed with nothing left to fix.
    expect(section.queryByLabelText('Current password')).not.toBeInTheDocument();
  });

  it('shows the original error when the person cancels', async () => {
    const { user } = renderSecurity(anAccount(), refused);

    const section = await changePassword(user);
    const dialog = within(await screen.findByRole('dialog', { name: "Confirm it's you" }));
    await user.click(dialog.getByRole('button', { name: 'Cancel' }));

    expect(await section.findByText("Confirm it's you to make this change.")).toBe(
      section.getByRole('alert'),
    );
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() =>
      expect(section.getByRole('button', { name: 'Change password' })).toHaveFocus(),
    );
    expect(section.getByLabelText('Current password')).toHaveValue(CURRENT);
  });

  it('takes a code from the authenticator app when two-factor is on', async () => {
    const { user } = renderSecurity(
      anAccount({ mfaEnabled: true, mfaMethods: ['TOTP'] }),
      refused,
      reauthenticateMock({ code: '123456' }),
      changed,
    );

    await changePassword(user);
    const dialog = within(await screen.findByRole('dialog', { name: "Confirm it's you" }));
    await user.type(dialog.getByLabelText('Authentication code'), '123456');
    await user.keyboard('{Enter}');

    expect(await findToast('Your password was changed.')).toBeInTheDocument();
  });

  it('also accepts the password when two-factor is on', async () => {
    const { user } = renderSecurity(
      anAccount({ mfaEnabled: true, mfaMethods: ['TOTP'] }),
      refused,
      reauthenticateMock({ password: CURRENT }),
      changed,
    );

    await changePassword(user);
    const dialog = within(await screen.findByRole('dialog', { name: "Confirm it's you" }));
    await user.click(dialog.getByRole('button', { name: 'Use your password instead' }));
    await user.type(dialog.getByLabelText('Password'), CURRENT);
    await user.keyboard('{Enter}');

    expect(await findToast('Your password was changed.')).toBeInTheDocument();
  });
});
