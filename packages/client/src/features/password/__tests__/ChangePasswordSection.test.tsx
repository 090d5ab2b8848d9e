import { screen, within } from '@testing-library/react';
import { ChangePasswordDocument } from '../../../generated/graphql';
import {
  aSession,
  anAccount,
  errorResult,
  meMock,
  mySecurityEventsMock,
  mySessionsMock,
} from '../../../test/mocks';
import { findToast, openSection } from '../../../test/actions';
import { renderApp } from '../../../test/renderApp';

const CURRENT = 'Old-Password-1';
const NEW = 'Brand-New-Password-2';

function changePasswordMock(input: Record<string, unknown>, result: object) {
  return { request: { query: ChangePasswordDocument, variables: { input } }, result };
}

function renderSecurity(...mocks: Parameters<typeof renderApp>[1]) {
  const laptop = aSession({ id: 'ses_laptop', current: false, browser: 'Chrome 131' });
  return renderApp('/settings/security', [
    meMock(anAccount()),
    mySessionsMock([aSession(), laptop]),
    mySecurityEventsMock([]),
    ...mocks,
  ]);
}

async function passwordSection() {
  return within(await screen.findByRole('region', { name: 'Password' }));
}

async function fillIn(
  user: ReturnType<typeof renderApp>['user'],
  { current = CURRENT, next = NEW, confirm = NEW } = {},
) {
  await openSection(user, 'Password');
  const section = await passwordSection();
  await user.type(section.getByLabelText('Current password'), current);
  await user.type(section.getByLabelText('New password'), next);
  await user.type(section.getByLabelText('Confirm new password'), confirm);
  return section;
}

describe('Security → Password', () => {
  it('says next to the confirmation when it does not match, without asking the server', async () => {
    // No mutation mock: a request would fail the test with an alert.
    const { user } = renderSecurity();

    const section = await fillIn(user, { confirm: `${NEW}x` });
    await user.click(section.getByRole('button', { name: 'Change password' }));

    const confirm = section.getByLabelText('Confirm new password');
    expect(confirm).toHaveAttribute('aria-invalid', 'true');
    expect(confirm).toHaveAccessibleDescription('The passwords do not match.');
    expect(confirm).toHaveFocus();
    expect(section.getByLabelText('New password')).not.toHaveAttribute('aria-invalid');
    expect(section.getByRole('alert')).toHaveTextContent('Please correct the highlighted fields.');
  });

  it('shows what the server says about a field next to that field', async () => {
    const { user } = renderSecurity(
      changePasswordMock(
        { currentPassword: CURRENT, newPassword: NEW, signOutOtherSessions: false },
        errorResult('Invalid input', {
          code: 'BAD_USER_INPUT',
          fields: { newPassword: 'This password is too common; choose another' },
          reasons: { newPassword: 'PASSWORD_TOO_COMMON' },
        }),
      ),
    );

    const section = await fillIn(user);
    await user.click(section.getByRole('button', { name: 'Change password' }));

    const newPassword = section.getByLabelText('New password');
    await section.findByText('This password is too common; choose another.');
    expect(newPassword).toHaveAttribute('aria-invalid', 'true');
    expect(newPassword).toHaveAccessibleDescription(/too common/);
    expect(newPassword).toHaveFocus();
    expect(section.getByLabelText('Current password')).toHaveValue(CURRENT);
    expect(screen.queryByText(/Your password was changed/)).not.toBeInTheDocument();
  });

  it('rates the new password as it is typed', async () => {
    const { user } = renderSecurity();
    await openSection(user, 'Password');
    const section = await passwordSection();
    const meter = section.getByRole('meter', { name: 'Password strength' });
    const newPassword = section.getByLabelText('New password');
    expect(meter).toHaveAttribute('aria-valuetext', 'Not entered yet');

    await user.type(newPassword, 'abcdefgh');
    expect(meter).toHaveAttribute('aria-valuetext', 'Too weak');
    expect(meter).toHaveValue(1);
    expect(section.getByText('Too weak')).toBeInTheDocument();
    expect(
      section.getByText('Still needed: an uppercase letter, a number, and a special character.'),
    ).toBeInTheDocument();

    await user.clear(newPassword);
    await user.type(newPassword, 'Abcdef1!');
    expect(meter).toHaveAttribute('aria-valuetext', 'Fair');
    expect(section.queryByText(/Still needed/)).not.toBeInTheDocument();

    await user.type(newPassword, 'and-longer');
    expect(meter).toHaveAttribute('aria-valuetext', 'Strong');
    expect(meter).toHaveValue(4);
  });

  it('does not rate the email address as a password', async () => {
    const { user } = renderSecurity();
    await openSection(user, 'Password');
    const section = await passwordSection();

    await user.type(section.getByLabelText('New password'), 'ADA@example.com');

    expect(section.getByRole('meter')).toHaveAttribute('aria-valuetext', 'Too weak');
    expect(
      section.getByText('Still needed: a number and something other than your email address.'),
    ).toBeInTheDocument();
  });

  it('changes the password, signs out the other devices and clears the form', async () => {
    const { user } = renderSecurity(
      changePasswordMock(
        { currentPassword: CURRENT, newPassword: NEW, signOutOtherSessions: true },
        { data: { changePassword: true } },
      ),
    );
    const devices = within(await screen.findByRole('list', { name: 'Devices' }));
    expect(await devices.findAllByRole('listitem')).toHaveLength(2);

    const section = await fillIn(user);
    await user.click(section.getByRole('checkbox', { name: 'Sign out other devices' }));
    await user.click(section.getByRole('button', { name: 'Change password' }));

    expect(
      await findToast('Your password was changed and your other devices were signed out.'),
    ).toBeInTheDocument();
    // The form closed; opened again, it starts empty.
    await openSection(user, 'Password');
    expect(section.getByLabelText('Current password')).toHaveValue('');
    expect(section.getByLabelText('New password')).toHaveValue('');
    expect(section.getByRole('checkbox', { name: 'Sign out other devices' })).not.toBeChecked();
    expect(devices.getAllByRole('listitem')).toHaveLength(1);
  });
});
