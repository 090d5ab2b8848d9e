import { screen, within } from '@testing-library/react';
import {
  MyLowBalanceAlertsDocument,
  MyNotificationPreferencesDocument,
  MyQuietHoursDocument,
  UpdateNotificationPreferencesDocument,
  type NotificationChannel,
  type NotificationPreferenceFieldsFragment,
  type NotificationType,
} from '../../../generated/graphql';
import { anAccount, meMock, unreadCountMock } from '../../../test/mocks';
import { renderApp } from '../../../test/renderApp';
import { CHANNELS, NOTIFICATION_GROUPS } from '../notificationCatalog';

const TYPES = NOTIFICATION_GROUPS.flatMap((group) => group.types);

function matrix(
  change: (
    cell: NotificationPreferenceFieldsFragment,
  ) => Partial<NotificationPreferenceFieldsFragment> = () => ({}),
): NotificationPreferenceFieldsFragment[] {
  return TYPES.flatMap((type) =>
    CHANNELS.map((channel) => {
      const locked = type === 'SECURITY';
      const cell: NotificationPreferenceFieldsFragment = {
        __typename: 'NotificationPreference',
        type,
        channel,
        enabled: channel === 'IN_APP' || (channel === 'EMAIL' && type !== 'SYSTEM_ALERT'),
        locked,
        source: locked ? 'LOCKED' : 'DEFAULT',
        defaultEnabled: channel !== 'SMS',
      };
      return { ...cell, ...change(cell) };
    }),
  );
}

const pageMocks = (cells: NotificationPreferenceFieldsFragment[]) => [
  meMock(anAccount()),
  {
    request: { query: MyNotificationPreferencesDocument, variables: {} },
    result: { data: { myNotificationPreferences: cells } },
  },
  {
    request: { query: MyQuietHoursDocument },
    result: { data: { myQuietHours: null } },
  },
  {
    request: { query: MyLowBalanceAlertsDocument },
    result: { data: { myLowBalanceAlerts: [] } },
  },
];

const checkbox = (type: string, channel: string) =>
  screen.findByRole('checkbox', { name: `${type} by ${channel}` });

describe('Settings → Notifications', () => {
  it('shows the matrix by group, with security locked and saying why', async () => {
    renderApp('/settings/notifications', pageMocks(matrix()));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Notifications' }),
    ).toBeInTheDocument();
    const campaigns = await screen.findByRole('table', { name: 'Campaigns' });
    for (const group of [
      'Campaigns',
      'Contacts and calls',
      'Usage and billing',
      'Product and system',
      'Security',
    ]) {
      expect(screen.getByRole('heading', { level: 3, name: group })).toBeInTheDocument();
    }
    expect(within(campaigns).getAllByRole('row')).toHaveLength(4);
    expect(await checkbox('Campaign completed', 'Email')).toBeChecked();
    expect(await checkbox('Campaign completed', 'SMS')).not.toBeChecked();
    const locked = await checkbox('Security', 'Email');
    expect(locked).toBeDisabled();
    expect(locked).toBeChecked();
    expect(locked).toHaveAccessibleDescription(/cannot be turned off/);
    expect((await checkbox('Billing', 'SMS')).hasAttribute('disabled')).toBe(false);
  });

  it('saves a cell at once and shows where values come from', async () => {
    const from =
      (type: NotificationType, channel: NotificationChannel) =>
      (cell: NotificationPreferenceFieldsFragment) =>
        cell.type === type && cell.channel === channel;
    const isBillingSms = from('BILLING', 'SMS');
    const before = matrix((cell) =>
      from('CAMPAIGN_STATUS', 'EMAIL')(cell)
        ? { enabled: true, source: 'ORGANIZATION', defaultEnabled: true }
        : {},
    );
    const after = before.map((cell) =>
      isBillingSms(cell) ? { ...cell, enabled: true, source: 'PERSONAL' as const } : cell,
    );
    const { user } = renderApp('/settings/notifications', [
      ...pageMocks(before),
      {
        request: {
          query: UpdateNotificationPreferencesDocument,
          variables: { input: [{ type: 'BILLING', channel: 'SMS', enabled: true }] },
        },
        result: { data: { updateNotificationPreferences: after } },
      },
    ]);
    const campaignStatus = await screen.findByRole('table', { name: 'Campaigns' });
    expect(within(campaignStatus).getByText('Workspace rule')).toBeInTheDocument();
    await user.click(await checkbox('Billing', 'SMS'));
    expect(await screen.findByText('Notification settings saved')).toBeInTheDocument();
    expect(await checkbox('Billing', 'SMS')).toBeChecked();
    expect(screen.getByText('Your choice')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Use the defaults for Billing' }),
    ).toBeInTheDocument();
  });
});

describe('the bell', () => {
  it('shows the unread count and follows the live feed', async () => {
    const { pushSubscriptionData } = renderApp('/settings/notifications', [
      unreadCountMock(2),
      ...pageMocks(matrix()),
    ]);
    expect(
      await screen.findByRole('button', { name: 'Notifications, 2 unread' }),
    ).toBeInTheDocument();
    await pushSubscriptionData({
      notificationFeed: {
        __typename: 'NotificationFeedEvent',
        unreadCount: 3,
        notification: {
          __typename: 'Notification',
          id: 'ntf_1',
          type: 'CAMPAIGN_COMPLETED',
          title: 'Spring campaign finished',
          body: '1,204 calls',
          link: '/campaigns/1',
          readAt: null,
          createdAt: '2026-03-10T10:00:00.000Z',
        },
      },
    });
    expect(
      await screen.findByRole('button', { name: 'Notifications, 3 unread' }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('unread-count')).toHaveTextContent('3');
  });
});
