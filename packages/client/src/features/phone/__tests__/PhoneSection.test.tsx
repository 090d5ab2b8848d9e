import { screen, within } from '@testing-library/react';
import {
  ConfirmPhoneChangeDocument,
  RemovePhoneDocument,
  RequestPhoneChangeDocument,
  ResendPhoneCodeDocument,
} from '../../../generated/graphql';
import { anAccount, errorResult, meMock } from '../../../test/mocks';
import { findToast, openSection } from '../../../test/actions';
import { renderApp } from '../../../test/renderApp';

const account = anAccount({ phone: '+447700900123' });
const NEW_PHONE = '+34 612 345 678';
const PASSWORD = 'Analytical-Engine-1';

function requestMock(result: object) {
  return {
    request: {
      query: RequestPhoneChangeDocument,
      variables: { input: { phone: NEW_PHONE, password: PASSWORD } },
    },
    result,
  };
}

function confirmMock(code: string, result: object) {
  return { request: { query: ConfirmPhoneChangeDocument, variables: { code } }, result };
}

const wrongCode = errorResult('Invalid input', {
  code: 'BAD_USER_INPUT',
  fields: { code: 'That code is not right' },
  reasons: { code: 'CODE_INCORRECT' },
});

async function phoneSection() {
  return within(await screen.findByRole('region', { name: 'Phone number' }));
}

async function requestCode(user: ReturnType<typeof renderApp>['user']) {
  await openSection(user, 'Phone number');
  const section = await phoneSection();
  await user.type(section.getByLabelText('New phone number'), NEW_PHONE);
  await user.type(section.getByLabelText('Current password'), PASSWORD);
  await user.click(section.getByRole('button', { name: 'Text me a code' }));
  return section;
}

describe('Profile → Phone number', () => {
  it('texts a code, refuses a wrong one and sets the number with the right one', async () => {
    const { user } = renderApp('/settings/profile', [
      meMock(account),
      requestMock({ data: { requestPhoneChange: true } }),
      confirmMock('111111', wrongCode),
      confirmMock('246810', {
        data: { confirmPhoneChange: { ...account, phone: '+34612345678' } },
      }),
    ]);
    const before = await phoneSection();
    expect(await before.findByText('+44 7700 900123')).toBeInTheDocument();

    const section = await requestCode(user);

    // The code step replaces the number step, and starts at the code field.
    const code = await section.findByLabelText('Code');
    expect(code).toHaveFocus();
    expect(code).toHaveAccessibleDescription(/We texted a 6-digit code to \+34 612 34 56 78/);
    expect(section.getByRole('status')).toHaveTextContent('We texted a code to +34 612 34 56 78.');
    expect(section.queryByLabelText('New phone number')).not.toBeInTheDocument();

    await user.type(code, '111111{Enter}');
    await section.findByText('That code is not right.');
    expect(code).toHaveAttribute('aria-invalid', 'true');
    expect(code).toHaveAccessibleDescription(/That code is not right/);
    expect(section.getByText('+44 7700 900123')).toBeInTheDocument();

    await user.clear(code);
    expect(code).not.toHaveAttribute('aria-invalid');
    await user.type(code, '246810{Enter}');

    expect(await findToast('Your phone number is now +34 612 34 56 78.')).toBeInTheDocument();
    expect(section.getByText('+34 612 34 56 78')).toBeInTheDocument();
    expect(section.queryByLabelText('Code')).not.toBeInTheDocument();
    // The form closed; focus is back on Edit, and opened again it starts empty.
    expect(section.getByRole('button', { name: 'Edit Phone number' })).toHaveFocus();
    await openSection(user, 'Phone number');
    expect(section.getByLabelText('New phone number')).toHaveValue('');
  });

  it('says when too many wrong codes used this one up, and lets another be requested', async () => {
    const { user } = renderApp('/settings/profile', [
      meMock(account),
      requestMock({ data: { requestPhoneChange: true } }),
      confirmMock(
        '999999',
        errorResult('Invalid input', {
          code: 'BAD_USER_INPUT',
          fields: { code: 'Too many wrong codes; request a new one' },
          reasons: { code: 'PHONE_CODE_LOCKED' },
        }),
      ),
    ]);

    const section = await requestCode(user);
    await user.type(await section.findByLabelText('Code'), '999999{Enter}');

    expect(await section.findByText('Too many wrong codes; request a new one.')).toBeVisible();
    await user.click(section.getByRole('button', { name: 'Use another number' }));
    expect(section.getByLabelText('New phone number')).toBeInTheDocument();
    expect(section.getByRole('heading', { name: 'Phone number' })).toHaveFocus();
  });

  it('texts a new code on request', async () => {
    const { user } = renderApp('/settings/profile', [
      meMock(account),
      requestMock({ data: { requestPhoneChange: true } }),
      { request: { query: ResendPhoneCodeDocument }, result: { data: { resendPhoneCode: true } } },
    ]);
    const section = await requestCode(user);
    await section.findByLabelText('Code');

    await user.click(section.getByRole('button', { name: 'Send a new code' }));

    expect(await section.findByText('We texted a new code to +34 612 34 56 78.')).toBe(
      section.getByRole('status'),
    );
    expect(section.getByLabelText('Code')).toBeInTheDocument();
  });

  it('removes the number once confirmed', async () => {
    const { user } = renderApp('/settings/profile', [
      meMock(account),
      {
        request: { query: RemovePhoneDocument },
        result: { data: { removePhone: { ...account, phone: null } } },
      },
    ]);
    const section = await phoneSection();

    await user.click(section.getByRole('button', { name: 'Remove number' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Remove +44 7700 900123?' }));
    expect(dialog.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(dialog.getByRole('button', { name: 'Remove number' }));

    expect(await findToast('+44 7700 900123 was removed from your account.')).toBeInTheDocument();
    expect(section.getByText('No phone number yet.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('shows an invalid number and a wrong password next to their fields', async () => {
    const { user } = renderApp('/settings/profile', [
      meMock(anAccount()),
      requestMock(
        errorResult('Invalid input', {
          code: 'BAD_USER_INPUT',
          fields: {
            phone: 'Enter a valid phone number with its country code, such as +34 612 345 678',
            password: 'Wrong password',
          },
          reasons: { phone: 'PHONE_INVALID', password: 'WRONG_PASSWORD' },
        }),
      ),
    ]);
    expect((await phoneSection()).getByText('No phone number yet.')).toBeInTheDocument();

    const section = await requestCode(user);

    const phone = section.getByLabelText('New phone number');
    await section.findByText('Wrong password.');
    expect(phone).toHaveAccessibleDescription(/Enter a valid phone number/);
    expect(phone).toHaveFocus();
    expect(section.getByLabelText('Current password')).toHaveAccessibleDescription(
      'Wrong password.',
    );
    expect(section.queryByLabelText('Code')).not.toBeInTheDocument();
  });
});
