import { act, screen, within } from '@testing-library/react';
import { webSocketClientOptions } from '../../../app/apolloClient';
import { LogOutDocument } from '../../../generated/graphql';
import {
  aSession,
  anAccount,
  meMock,
  mySecurityEventsMock,
  mySessionsMock,
  sessionEvent,
} from '../../../test/mocks';
import { renderApp } from '../../../test/renderApp';
import { logOutFromMenu } from '../../../test/actions';

const thisDevice = aSession();
const laptop = aSession({
  id: 'ses_laptop',
  current: false,
  browser: 'Chrome 131',
  os: 'Windows 10',
});

function renderDevices(...mocks: Parameters<typeof renderApp>[1]) {
  return renderApp('/settings/security', [
    meMock(anAccount()),
    mySessionsMock([thisDevice, laptop]),
    mySecurityEventsMock([]),
    ...mocks,
  ]);
}

async function deviceNames() {
  const list = await screen.findByRole('list', { name: 'Devices' });
  return within(list)
    .getAllByRole('heading', { level: 3 })
    .map((heading) => heading.textContent);
}

async function expectSignedOutElsewhere(router: ReturnType<typeof renderApp>['router']) {
  expect(await screen.findByRole('heading', { name: 'Log in to Atrium' })).toBeInTheDocument();
  expect(screen.getByRole('status')).toHaveTextContent('You were signed out from another device.');
  expect(router.state.location.pathname).toBe('/login');
  expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/settings/security');
  expect(screen.queryByText('Ada Lovelace')).not.toBeInTheDocument();
}

describe('SessionEventsListener', () => {
  it('takes this device to the login page when another device signs it out', async () => {
    const { router, pushSubscriptionData } = renderDevices();
    expect(await deviceNames()).toHaveLength(2);

    await pushSubscriptionData(
      sessionEvent('REVOKED', { ...thisDevice, revokedAt: '2025-03-10T15:00:00.000Z' }),
    );

    await expectSignedOutElsewhere(router);
  });

  it('does the same when the server closes the socket with 4403', async () => {
    const { router } = renderDevices();
    expect(await deviceNames()).toHaveLength(2);

    // What the graphql-ws client does with the close the server sends after the REVOKED event,
    // or answers a reconnect with.
    const { on, shouldRetry } = webSocketClientOptions('ws://localhost/graphql');
    const forbidden = { code: 4403, reason: 'Forbidden' };
    expect(shouldRetry?.(forbidden)).toBe(false);
    act(() => on?.closed?.(forbidden));

    await expectSignedOutElsewhere(router);
  });

  it('takes a device signed out elsewhere off the list', async () => {
    const { pushSubscriptionData } = renderDevices();
    expect(await deviceNames()).toEqual(['Firefox 133 on macOS 15', 'Chrome 131 on Windows 10']);

    await pushSubscriptionData(
      sessionEvent('REVOKED', { ...laptop, revokedAt: '2025-03-10T15:00:00.000Z' }),
    );

    expect(await deviceNames()).toEqual(['Firefox 133 on macOS 15']);
    expect(screen.getByRole('heading', { name: 'Security', level: 1 })).toBeInTheDocument();
  });

  it('adds a device that just signed in', async () => {
    const { pushSubscriptionData } = renderDevices();
    expect(await deviceNames()).toHaveLength(2);

    const tablet = aSession({
      id: 'ses_tablet',
      current: false,
      deviceType: 'tablet',
      browser: 'Chrome 131',
      os: 'Android 15',
      lastActiveAt: '2025-03-10T16:00:00.000Z',
    });
    await pushSubscriptionData(sessionEvent('CREATED', tablet));

    expect(
      await screen.findByRole('button', { name: 'Sign out Chrome 131 on Android 15' }),
    ).toBeInTheDocument();
    expect(await deviceNames()).toEqual([
      'Firefox 133 on macOS 15',
      'Chrome 131 on Android 15',
      'Chrome 131 on Windows 10',
    ]);
  });

  it('does not blame another device when the person logs out here', async () => {
    const { router, user, pushSubscriptionData } = renderDevices({
      request: { query: LogOutDocument },
      result: { data: { logOut: true } },
      delay: 50, // the server's REVOKED echo arrives before the log-out answer
    });
    expect(await deviceNames()).toHaveLength(2);

    await logOutFromMenu(user);
    await pushSubscriptionData(sessionEvent('REVOKED', thisDevice));

    expect(await screen.findByRole('heading', { name: 'Log in to Atrium' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('');
    expect(screen.queryByText('You were signed out from another device.')).not.toBeInTheDocument();
  });

  it('ignores a 4403 close once nobody is signed in', async () => {
    const { router } = renderApp('/login', [meMock(null)]);
    expect(await screen.findByRole('heading', { name: 'Log in to Atrium' })).toBeInTheDocument();

    act(() => webSocketClientOptions('ws://localhost/graphql').on?.closed?.({ code: 4403 }));

    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(router.state.location.search).toBe('');
  });
});

describe('the graphql-ws client options', () => {
  const { shouldRetry } = webSocketClientOptions('ws://localhost/graphql');

  it('reconnects after a dropped socket but not after a refused session', () => {
    expect(shouldRetry?.({ code: 1006, reason: '' })).toBe(true);
    expect(shouldRetry?.({ code: 4403, reason: 'Forbidden' })).toBe(false);
    expect(shouldRetry?.(new Error('not a close'))).toBe(false);
  });
});
