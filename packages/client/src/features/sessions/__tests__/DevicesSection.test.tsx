import { screen, within } from '@testing-library/react';
import { RevokeOtherSessionsDocument, RevokeSessionDocument } from '../../../generated/graphql';
import {
  aSession,
  anAccount,
  errorResult,
  meMock,
  mySecurityEventsMock,
  mySessionsMock,
} from '../../../test/mocks';
import { findToast } from '../../../test/actions';
import { renderApp } from '../../../test/renderApp';

// Tokyo is UTC+9 all year: 14:05 UTC is 11:05 PM there, whatever zone the test machine is in.
const account = anAccount({ timezone: 'Asia/Tokyo' });
const thisDevice = aSession();
const windowsLaptop = aSession({
  id: 'ses_windows',
  current: false,
  browser: 'Chrome 131',
  os: 'Windows 10',
  location: 'Madrid, ES',
  ipAddress: '198.51.100.20',
  lastActiveAt: '2025-03-09T08:30:00.000Z',
});
const phone = aSession({
  id: 'ses_phone',
  current: false,
  deviceType: 'mobile',
  browser: 'Mobile Safari 18',
  os: 'iOS 18.1',
  location: null,
  lastActiveAt: '2025-03-08T20:00:00.000Z',
});

function renderDevices(...mocks: Parameters<typeof renderApp>[1]) {
  return renderApp('/settings/security', [
    meMock(account),
    mySessionsMock([windowsLaptop, thisDevice, phone]),
    mySecurityEventsMock([]),
    ...mocks,
  ]);
}

async function deviceList() {
  const section = await screen.findByRole('region', { name: 'Devices' });
  return within(section).findByRole('list', { name: 'Devices' });
}

/** The Devices section itself: the Security page has other sections with their own regions. */
function devices() {
  return within(screen.getByRole('region', { name: 'Devices' }));
}

function deviceNames(list: HTMLElement) {
  return within(list)
    .getAllByRole('heading', { level: 3 })
    .map((heading) => heading.textContent);
}

describe('Security → Devices', () => {
  it('lists my devices, this one first and flagged, last active in my time zone', async () => {
    renderDevices();

    const list = await deviceList();
    expect(screen.getByRole('heading', { level: 1, name: 'Security' })).toBeInTheDocument();
    expect(deviceNames(list)).toEqual([
      'Firefox 133 on macOS 15',
      'Chrome 131 on Windows 10',
      'Mobile Safari 18 on iOS 18.1',
    ]);

    const [mine, laptop, mobile] = within(list).getAllByRole('listitem');
    expect(within(mine).getByText('This device')).toBeInTheDocument();
    expect(within(mine).getByText('Mar 10, 2025, 11:05 PM')).toBeInTheDocument();
    expect(within(mine).queryByRole('button')).not.toBeInTheDocument();

    expect(within(laptop).queryByText('This device')).not.toBeInTheDocument();
    expect(within(laptop).getByText('Desktop')).toBeInTheDocument();
    expect(within(laptop).getByText('Madrid, ES')).toBeInTheDocument();
    expect(within(laptop).getByText('198.51.100.20')).toBeInTheDocument();
    expect(within(laptop).getByText('Mar 9, 2025, 5:30 PM')).toBeInTheDocument();
    expect(
      within(laptop).getByRole('button', { name: 'Sign out Chrome 131 on Windows 10' }),
    ).toBeInTheDocument();

    expect(within(mobile).getByText('Mobile')).toBeInTheDocument();
    expect(within(mobile).getByText('Unknown')).toBeInTheDocument(); // no location
  });

  it('shows dates in the UI language too', async () => {
    renderApp('/settings/security', [
      meMock({ ...account, locale: 'es' }),
      mySessionsMock([thisDevice]),
      mySecurityEventsMock([]),
    ]);

    const section = await screen.findByRole('region', { name: 'Dispositivos' });
    expect(await within(section).findByText('Este dispositivo')).toBeInTheDocument();
    expect(within(section).getByText('10 mar 2025, 23:05')).toBeInTheDocument();
    expect(
      within(section).getByText('No hay otros dispositivos con la sesión abierta.'),
    ).toBeInTheDocument();
  });

  it('signs out one device and takes it off the list', async () => {
    const { user } = renderDevices({
      request: { query: RevokeSessionDocument, variables: { id: windowsLaptop.id } },
      result: {
        data: { revokeSession: { ...windowsLaptop, revokedAt: '2025-03-10T15:00:00.000Z' } },
      },
    });

    const list = await deviceList();
    await user.click(
      within(list).getByRole('button', { name: 'Sign out Chrome 131 on Windows 10' }),
    );

    expect(await findToast('Chrome 131 on Windows 10 was signed out.')).toBeInTheDocument();
    expect(deviceNames(list)).toEqual(['Firefox 133 on macOS 15', 'Mobile Safari 18 on iOS 18.1']);
    expect(screen.getByRole('heading', { name: 'Devices' })).toHaveFocus();
  });

  it('says why a device could not be signed out', async () => {
    const { user } = renderDevices({
      request: { query: RevokeSessionDocument, variables: { id: phone.id } },
      result: errorResult('Too many requests', { code: 'RATE_LIMITED', retryAfterSeconds: 30 }),
    });

    const list = await deviceList();
    await user.click(
      within(list).getByRole('button', { name: 'Sign out Mobile Safari 18 on iOS 18.1' }),
    );

    expect(await screen.findByText('Too many attempts. Try again in 30 seconds.')).toBe(
      devices().getByRole('alert'),
    );
    expect(deviceNames(list)).toHaveLength(3);
  });

  describe('signing out all other devices', () => {
    const revokeOthers = {
      request: { query: RevokeOtherSessionsDocument },
      result: { data: { revokeOtherSessions: 2 } },
    };

    it('asks first, and Cancel or Escape change nothing', async () => {
      // No mutation mock: calling the server would fail the test with an alert.
      const { user } = renderDevices();
      const list = await deviceList();
      const signOutOthers = screen.getByRole('button', { name: 'Sign out all other devices' });

      await user.click(signOutOthers);
      const dialog = screen.getByRole('dialog', { name: 'Sign out all other devices?' });
      expect(dialog).toHaveAttribute('aria-modal', 'true');
      expect(dialog).toHaveAccessibleDescription(/will have to log in again/);
      expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
      await user.tab();
      expect(within(dialog).getByRole('button', { name: 'Sign out all' })).toHaveFocus();
      await user.tab(); // focus stays inside the dialog
      expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();

      await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
      expect(signOutOthers).toHaveFocus();

      await user.click(signOutOthers);
      await user.keyboard('{Escape}');
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
      expect(signOutOthers).toHaveFocus();

      expect(deviceNames(list)).toHaveLength(3);
      expect(devices().getByRole('alert')).toBeEmptyDOMElement();
      expect(screen.queryByText(/Signed out/)).not.toBeInTheDocument();
    });

    it('signs them out once confirmed and says how many', async () => {
      const { user } = renderDevices(revokeOthers);
      const list = await deviceList();

      await user.click(screen.getByRole('button', { name: 'Sign out all other devices' }));
      await user.click(
        within(screen.getByRole('dialog')).getByRole('button', { name: 'Sign out all' }),
      );

      expect(await findToast('Signed out 2 other devices.')).toBeInTheDocument();
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
      expect(deviceNames(list)).toEqual(['Firefox 133 on macOS 15']);
      expect(screen.getByText('No other devices are signed in.')).toBeInTheDocument();
      expect(screen.getByRole('heading', { name: 'Devices' })).toHaveFocus();
    });
  });
});
