import { screen, within } from '@testing-library/react';
import { RevokeSessionDocument } from '../../../generated/graphql';
import {
  anAccount,
  aSecurityEvent,
  aSession,
  meMock,
  mySecurityEventsMock,
  mySessionsMock,
} from '../../../test/mocks';
import { renderApp } from '../../../test/renderApp';

describe('Security → Activity', () => {
  it('lists events in the account time zone and pages on with the cursor', async () => {
    const firstPage = [
      aSecurityEvent({
        id: 'evt_3',
        type: 'SIGN_IN',
        newDevice: true,
        createdAt: '2025-03-10T14:05:00.000Z',
      }),
      aSecurityEvent({
        id: 'evt_2',
        type: 'MFA_ENABLED',
        device: null,
        location: null,
        ipAddress: '198.51.100.4',
      }),
    ];
    const secondPage = [aSecurityEvent({ id: 'evt_1', type: 'SIGN_UP' })];
    const { user } = renderApp('/settings/security', [
      meMock(anAccount({ timezone: 'America/New_York' })),
      mySessionsMock([aSession()]),
      mySecurityEventsMock(firstPage, { hasNextPage: true }),
      mySecurityEventsMock(secondPage, { after: 'evt_2' }),
    ]);

    const section = within(await screen.findByRole('region', { name: 'Activity' }));
    const list = await section.findByRole('list', { name: 'Activity' });
    let items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);

    const signIn = within(items[0] as HTMLElement);
    expect(signIn.getByRole('heading', { name: 'Signed in' })).toBeInTheDocument();
    expect(signIn.getByText('New device')).toBeInTheDocument();
    // 14:05 UTC is 10:05 in New York (daylight saving time began on March 9).
    expect(signIn.getByText('Mar 10, 2025, 10:05 AM')).toHaveAttribute(
      'datetime',
      '2025-03-10T14:05:00.000Z',
    );
    expect(signIn.getByText('Firefox 133 · macOS 15')).toBeInTheDocument();
    expect(signIn.getByText('London, GB · 203.0.113.7')).toBeInTheDocument();

    const mfa = within(items[1] as HTMLElement);
    expect(
      mfa.getByRole('heading', { name: 'Two-factor authentication turned on' }),
    ).toBeInTheDocument();
    expect(mfa.queryByText('New device')).not.toBeInTheDocument();
    expect(mfa.getByText('198.51.100.4')).toBeInTheDocument();
    expect(mfa.getByText('Unknown')).toBeInTheDocument();

    await user.click(section.getByRole('button', { name: 'Show more' }));

    await within(list).findByRole('heading', { name: 'Account created' });
    items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(section.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
  });

  it('shows a device signed out on this page at once, naming that device', async () => {
    const laptop = aSession({
      id: 'ses_laptop',
      current: false,
      browser: 'Chrome 131',
      os: 'Windows 10',
    });
    const signIn = aSecurityEvent({ id: 'evt_1', type: 'SIGN_IN' });
    const { user } = renderApp('/settings/security', [
      meMock(anAccount()),
      mySessionsMock([aSession(), laptop]),
      mySecurityEventsMock([signIn], { maxUsageCount: 1 }),
      {
        request: { query: RevokeSessionDocument, variables: { id: laptop.id } },
        result: { data: { revokeSession: { ...laptop, revokedAt: '2025-03-10T15:00:00.000Z' } } },
      },
      // The timeline as the server has it after the sign-out: done from this Firefox, to the laptop.
      mySecurityEventsMock([
        aSecurityEvent({
          id: 'evt_2',
          type: 'SESSION_REVOKED',
          device: 'Firefox 133 · macOS 15',
          targetDevice: 'Chrome 131 · Windows 10',
        }),
        signIn,
      ]),
    ]);
    const section = within(await screen.findByRole('region', { name: 'Activity' }));
    const list = await section.findByRole('list', { name: 'Activity' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);

    await user.click(
      await screen.findByRole('button', { name: 'Sign out Chrome 131 on Windows 10' }),
    );

    const revoked = await within(list).findByRole('heading', {
      name: 'Chrome 131 · Windows 10 signed out',
    });
    const item = within(revoked.closest('li') as HTMLElement);
    expect(item.getByText('Firefox 133 · macOS 15')).toBeInTheDocument();
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
  });

  it('reads in Spanish for a Spanish account', async () => {
    renderApp('/settings/security', [
      meMock(anAccount({ locale: 'es', timezone: 'Europe/Madrid' })),
      mySessionsMock([aSession()]),
      mySecurityEventsMock([aSecurityEvent({ type: 'PASSWORD_CHANGED', newDevice: true })]),
    ]);

    const section = within(await screen.findByRole('region', { name: 'Actividad' }));
    expect(
      await section.findByRole('heading', { name: 'Contraseña cambiada' }),
    ).toBeInTheDocument();
    expect(section.getByText('Dispositivo nuevo')).toBeInTheDocument();
    expect(section.getByText('10 mar 2025, 15:05')).toBeInTheDocument();
  });
});
