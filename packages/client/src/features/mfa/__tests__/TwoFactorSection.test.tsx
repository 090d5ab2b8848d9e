import { screen, within } from '@testing-library/react';
import {
  ConfirmTotpEnrollmentDocument,
  DisableMfaDocument,
  EnableSmsMfaDocument,
  RegenerateBackupCodesDocument,
  SetDefaultMfaMethodDocument,
  StartTotpEnrollmentDocument,
} from '../../../generated/graphql';
import {
  anAccount,
  aSession,
  errorResult,
  meMock,
  myPasskeysMock,
  mySecurityEventsMock,
  mySessionsMock,
} from '../../../test/mocks';
import { findToast } from '../../../test/actions';
import { renderApp } from '../../../test/renderApp';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const CODES = Array.from({ length: 10 }, (_, i) => `CODE${i}-ABCDE`);
const QR = 'data:image/png;base64,iVBORw0KGgo=';

const started = {
  request: { query: StartTotpEnrollmentDocument },
  result: {
    data: {
      startTotpEnrollment: {
        __typename: 'TotpEnrollment',
        secret: SECRET,
        otpauthUri: `otpauth://totp/Atrium:ada@example.com?secret=${SECRET}&issuer=Atrium`,
        qrCodeDataUrl: QR,
      },
    },
  },
};

function confirmMock(code: string, result: object) {
  return {
    request: {
      query: ConfirmTotpEnrollmentDocument,
      variables: { code, signOutOtherSessions: true },
    },
    result,
  };
}

function renderSecurity(account = anAccount(), ...mocks: Parameters<typeof renderApp>[1]) {
  return renderApp('/settings/security', [
    meMock(account),
    mySessionsMock([aSession()]),
    mySecurityEventsMock([]),
    myPasskeysMock([]),
    ...mocks,
  ]);
}

/** "Two-factor authentication is On/Off", the section's summary. */
function summaryOf(section: ReturnType<typeof within>) {
  return section.getByText(/^Two-factor authentication is/);
}

async function twoFactor() {
  return within(await screen.findByRole('region', { name: 'Two-factor authentication' }));
}

/** jsdom's Blob has no text(); FileReader reads it. */
function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

describe('Security → Two-factor', () => {
  let createObjectURL: jest.Mock;
  let clicked: HTMLAnchorElement[];

  beforeEach(() => {
    clicked = [];
    createObjectURL = jest.fn(() => 'blob:codes');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });
  });

  afterEach(() => jest.restoreAllMocks());

  it('turns it on with the QR code or the key, then shows the backup codes once', async () => {
    const { user } = renderSecurity(
      anAccount(),
      started,
      confirmMock(
        '000000',
        errorResult('Invalid input', {
          code: 'BAD_USER_INPUT',
          fields: { code: 'That code is not right' },
          reasons: { code: 'CODE_INCORRECT' },
        }),
      ),
      confirmMock('123456', {
        data: { confirmTotpEnrollment: { __typename: 'BackupCodes', codes: CODES } },
      }),
      meMock(
        anAccount({
          mfaEnabled: true,
          mfaMethods: ['TOTP'],
          defaultMfaMethod: 'TOTP',
          remainingBackupCodes: 10,
        }),
      ),
    );
    const section = await twoFactor();
    expect(summaryOf(section)).toHaveTextContent('Off');

    await user.click(section.getByRole('button', { name: 'Set up' }));

    const qr = await section.findByRole('img', { name: 'QR code for your authenticator app' });
    expect(qr).toHaveAttribute('src', QR);
    expect(section.getByText('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP')).toBeInTheDocument();

    const code = section.getByLabelText('Code from the app');
    await user.type(code, '000000');
    await user.click(section.getByRole('checkbox', { name: 'Sign out other devices' }));
    await user.click(section.getByRole('button', { name: 'Confirm' }));
    expect(await section.findByText('That code is not right.')).toBeInTheDocument();
    expect(code).toHaveAttribute('aria-invalid', 'true');

    await user.clear(code);
    await user.type(code, '123 456');
    await user.click(section.getByRole('button', { name: 'Confirm' }));

    const list = await section.findByRole('list', { name: 'Your backup codes' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(CODES);
    expect(await findToast('Two-factor authentication is on.')).toBeInTheDocument();

    await user.click(section.getByRole('button', { name: 'Download as a text file' }));
    expect(clicked).toHaveLength(1);
    expect(clicked[0]?.download).toBe('atrium-backup-codes.txt');
    expect(clicked[0]?.href).toBe('blob:codes');
    const blob = createObjectURL.mock.calls[0]?.[0] as Blob;
    expect(blob.type).toMatch(/^text\/plain/);
    const text = await readBlob(blob);
    expect(text).toContain('ada@example.com');
    for (const backupCode of CODES) expect(text).toContain(`${backupCode}\n`);

    await user.click(section.getByRole('button', { name: 'I saved them' }));
    expect(section.queryByText(CODES[0] ?? '')).not.toBeInTheDocument();
    expect(summaryOf(section)).toHaveTextContent('On');
    expect(
      section.getByRole('button', { name: 'Turn off the authenticator app' }),
    ).toBeInTheDocument();
    expect(section.getByRole('button', { name: 'Regenerate backup codes' })).toBeInTheDocument();
  });

  it('makes new backup codes', async () => {
    const fresh = CODES.map((code) => `NEW-${code}`);
    const { user } = renderSecurity(anAccount({ mfaEnabled: true, remainingBackupCodes: 1 }), {
      request: { query: RegenerateBackupCodesDocument },
      result: { data: { regenerateBackupCodes: { __typename: 'BackupCodes', codes: fresh } } },
    });
    const section = await twoFactor();
    expect(
      section.getByText('1 backup code left. Make new ones before it runs out.'),
    ).toBeInTheDocument();

    await user.click(section.getByRole('button', { name: 'Regenerate backup codes' }));

    const list = await section.findByRole('list', { name: 'Your backup codes' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(10);
    expect(within(list).getByText('NEW-CODE0-ABCDE')).toBeInTheDocument();
    expect(await findToast(/the old ones no longer work/)).toBeInTheDocument();
    await user.click(section.getByRole('button', { name: 'I saved them' }));
    expect(section.getByText('10 backup codes left.')).toBeInTheDocument();
  });

  it('turns it off after a confirmation', async () => {
    const { user } = renderSecurity(anAccount({ mfaEnabled: true, mfaMethods: ['TOTP'] }), {
      request: { query: DisableMfaDocument },
      result: { data: { disableMfa: true } },
    });
    const section = await twoFactor();

    await user.click(section.getByRole('button', { name: 'Turn off two-factor authentication' }));
    const dialog = within(
      screen.getByRole('dialog', { name: 'Turn off two-factor authentication?' }),
    );
    expect(dialog.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(dialog.getByRole('button', { name: 'Turn off' }));

    expect(await findToast('Two-factor authentication is off.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(summaryOf(section)).toHaveTextContent('Off');
    expect(section.getByRole('button', { name: 'Set up' })).toBeInTheDocument();
  });

  it('turns text-message codes on for the verified phone, saying plainly they are the weaker choice', async () => {
    const on = anAccount({
      phone: '+34612345678',
      mfaEnabled: true,
      mfaMethods: ['SMS'],
      defaultMfaMethod: 'SMS',
      remainingBackupCodes: 10,
    });
    const { user } = renderSecurity(
      anAccount({ phone: '+34612345678' }),
      {
        request: { query: EnableSmsMfaDocument },
        result: { data: { enableSmsMfa: { __typename: 'BackupCodes', codes: CODES } } },
      },
      meMock(on),
    );
    const section = await twoFactor();
    expect(
      section.getByText(/this is the weakest method. A passkey or an authenticator app is safer/),
    ).toBeInTheDocument();
    await user.click(section.getByRole('button', { name: 'Turn on text-message codes' }));
    expect(await section.findByRole('list', { name: 'Your backup codes' })).toBeInTheDocument();
    expect(await findToast('Text-message codes are on.')).toBeInTheDocument();
    await user.click(section.getByRole('button', { name: 'I saved them' }));
    expect(
      section.getByRole('button', { name: 'Turn off text-message codes' }),
    ).toBeInTheDocument();
  });

  it('cannot turn text-message codes on without a verified phone', async () => {
    renderSecurity(anAccount());
    const section = await twoFactor();
    expect(section.getByRole('button', { name: 'Turn on text-message codes' })).toBeDisabled();
    expect(section.getByRole('link', { name: 'Add a phone number' })).toHaveAttribute(
      'href',
      '/settings/profile',
    );
  });

  it('chooses the method offered first among those set up', async () => {
    const both = anAccount({
      phone: '+34612345678',
      mfaEnabled: true,
      mfaMethods: ['TOTP', 'SMS'],
      defaultMfaMethod: 'TOTP',
      remainingBackupCodes: 8,
    });
    const { user } = renderSecurity(both, {
      request: { query: SetDefaultMfaMethodDocument, variables: { method: 'SMS' } },
      result: { data: { setDefaultMfaMethod: { ...both, defaultMfaMethod: 'SMS' } } },
    });
    const section = await twoFactor();
    const select = section.getByRole('combobox', { name: 'Offer first when I sign in' });
    expect(select).toHaveValue('TOTP');
    await user.selectOptions(select, 'Text message');
    expect(await findToast('Text message is now offered first.')).toBeInTheDocument();
    expect(select).toHaveValue('SMS');
  });
});
