import { screen, within } from '@testing-library/react';
import {
  FinishPasskeyRegistrationDocument,
  RemovePasskeyDocument,
  RenamePasskeyDocument,
  StartPasskeyRegistrationDocument,
} from '../../../generated/graphql';
import { findToast } from '../../../test/actions';
import {
  anAccount,
  aPasskey,
  aSession,
  meMock,
  myPasskeysMock,
  mySecurityEventsMock,
  mySessionsMock,
} from '../../../test/mocks';
import { renderApp } from '../../../test/renderApp';
import { createPasskey } from '../webauthn';

// The browser's WebAuthn prompt cannot run in jsdom: the helper that calls it answers instead.
jest.mock('../webauthn', () => ({
  ...jest.requireActual<typeof import('../webauthn')>('../webauthn'),
  passkeysSupported: () => true,
  createPasskey: jest.fn(),
}));
const created = { id: 'cred_1', rawId: 'cred_1', type: 'public-key', response: {} };
const OPTIONS = { challenge: 'abc', rp: { id: 'localhost', name: 'Atrium' } };

function renderSecurity(...mocks: Parameters<typeof renderApp>[1]) {
  return renderApp('/settings/security', [
    meMock(anAccount()),
    mySessionsMock([aSession()]),
    mySecurityEventsMock([]),
    ...mocks,
  ]);
}

async function passkeysSection() {
  return within(await screen.findByRole('region', { name: 'Passkeys' }));
}

describe('Security → Passkeys', () => {
  beforeEach(() => jest.mocked(createPasskey).mockResolvedValue(created));

  it('adds a passkey from an empty list, named after the device by the server', async () => {
    const { user } = renderSecurity(
      myPasskeysMock([]),
      {
        request: { query: StartPasskeyRegistrationDocument },
        result: { data: { startPasskeyRegistration: OPTIONS } },
      },
      {
        request: {
          query: FinishPasskeyRegistrationDocument,
          variables: { input: { response: created } },
        },
        result: { data: { finishPasskeyRegistration: aPasskey({ name: 'Chrome · macOS' }) } },
      },
    );
    const section = await passkeysSection();
    expect(await section.findByText('No passkeys yet')).toBeInTheDocument();
    await user.click(section.getByRole('button', { name: 'Add a passkey' }));
    expect(
      await findToast('The passkey was added. You can sign in with it now.'),
    ).toBeInTheDocument();
    expect(jest.mocked(createPasskey)).toHaveBeenCalledWith(OPTIONS);
    expect(await section.findByText('Chrome · macOS')).toBeInTheDocument();
    expect(section.getByText('Synced')).toBeInTheDocument();
    expect(section.getByText('Not used yet')).toBeInTheDocument();
  });

  it('says nothing when the person closes the browser’s prompt, and explains a passkey already on this device', async () => {
    const { user } = renderSecurity(myPasskeysMock([]), {
      request: { query: StartPasskeyRegistrationDocument },
      maxUsageCount: 2,
      result: { data: { startPasskeyRegistration: OPTIONS } },
    });
    const section = await passkeysSection();
    jest
      .mocked(createPasskey)
      .mockRejectedValueOnce(Object.assign(new Error('closed'), { name: 'NotAllowedError' }));
    await user.click(await section.findByRole('button', { name: 'Add a passkey' }));
    await section.findByRole('button', { name: 'Add a passkey' });
    expect(section.getByRole('alert')).toBeEmptyDOMElement();
    jest
      .mocked(createPasskey)
      .mockRejectedValueOnce(Object.assign(new Error('dup'), { name: 'InvalidStateError' }));
    await user.click(section.getByRole('button', { name: 'Add a passkey' }));
    expect(
      await section.findByText('This device already holds a passkey for your account.'),
    ).toBeInTheDocument();
  });

  it('renames and removes a passkey, naming it on each button', async () => {
    const passkey = aPasskey({
      kind: 'DEVICE_BOUND',
      backedUp: false,
      lastUsedAt: '2025-03-10T14:05:00.000Z',
    });
    const { user } = renderSecurity(
      myPasskeysMock([passkey]),
      {
        request: {
          query: RenamePasskeyDocument,
          variables: { input: { id: passkey.id, name: 'Work laptop' } },
        },
        result: { data: { renamePasskey: { ...passkey, name: 'Work laptop' } } },
      },
      {
        request: { query: RemovePasskeyDocument, variables: { id: passkey.id } },
        result: { data: { removePasskey: true } },
      },
    );
    const section = await passkeysSection();
    expect(await section.findByText('This device only')).toBeInTheDocument();
    await user.click(section.getByRole('button', { name: `Rename ${passkey.name}` }));
    const dialog = within(screen.getByRole('dialog', { name: 'Rename passkey' }));
    const name = dialog.getByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'Work laptop');
    await user.click(dialog.getByRole('button', { name: 'Save' }));
    expect(await section.findByText('Work laptop')).toBeInTheDocument();

    await user.click(section.getByRole('button', { name: 'Remove Work laptop' }));
    const confirm = within(screen.getByRole('dialog', { name: 'Remove “Work laptop”?' }));
    expect(confirm.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(confirm.getByRole('button', { name: 'Remove' }));
    expect(await findToast('“Work laptop” was removed.')).toBeInTheDocument();
    expect(await section.findByText('No passkeys yet')).toBeInTheDocument();
  });
});
