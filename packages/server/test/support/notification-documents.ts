import { typed } from './graphql';

export type NotificationTypeName =
  | 'CAMPAIGN_COMPLETED'
  | 'CAMPAIGN_STATUS'
  | 'CALLBACK_REMINDER'
  | 'CONTACT_IMPORT'
  | 'MISSED_CALL'
  | 'USAGE_ALERT'
  | 'LOW_BALANCE'
  | 'BILLING'
  | 'PRODUCT_UPDATES'
  | 'SYSTEM_ALERT'
  | 'SECURITY';
export type ChannelName = 'EMAIL' | 'SMS' | 'IN_APP';

export interface PreferenceFields {
  type: NotificationTypeName;
  channel: ChannelName;
  enabled: boolean;
  locked: boolean;
  lockedReason: string | null;
  source: 'DEFAULT' | 'ORGANIZATION' | 'PERSONAL' | 'LOCKED';
  defaultEnabled: boolean;
}

export interface CellInput {
  type: NotificationTypeName;
  channel: ChannelName;
  enabled: boolean | null;
}

const PREFERENCE = 'type channel enabled locked lockedReason source defaultEnabled';

export const MyNotificationPreferences = typed<
  { myNotificationPreferences: PreferenceFields[] },
  { organizationId?: string | null }
>(
  `query MyNotificationPreferences($organizationId: ID) { myNotificationPreferences(organizationId: $organizationId) { ${PREFERENCE} } }`,
);

export const UpdateNotificationPreferences = typed<
  { updateNotificationPreferences: PreferenceFields[] },
  { input: CellInput[]; organizationId?: string | null }
>(
  `mutation UpdateNotificationPreferences($input: [NotificationPreferenceInput!]!, $organizationId: ID) { updateNotificationPreferences(input: $input, organizationId: $organizationId) { ${PREFERENCE} } }`,
);

export const OrganizationNotificationRules = typed<
  { organization: { notificationRules: PreferenceFields[] } | null },
  { id: string }
>(
  `query OrganizationNotificationRules($id: ID!) { organization(id: $id) { notificationRules { ${PREFERENCE} } } }`,
);

export const UpdateNotificationRules = typed<
  { updateNotificationRules: PreferenceFields[] },
  { input: { organizationId: string; rules: CellInput[] } }
>(
  `mutation UpdateNotificationRules($input: UpdateNotificationRulesInput!) { updateNotificationRules(input: $input) { ${PREFERENCE} } }`,
);

export const MyQuietHours = typed<
  { myQuietHours: { start: string; end: string; timezone: string } | null },
  Record<string, never>
>('query MyQuietHours { myQuietHours { start end timezone } }');

export const SetQuietHours = typed<
  { setQuietHours: { start: string; end: string; timezone: string } | null },
  { input: { start: string; end: string } | null }
>(
  'mutation SetQuietHours($input: QuietHoursInput) { setQuietHours(input: $input) { start end timezone } }',
);

export const MyLowBalanceAlerts = typed<
  {
    myLowBalanceAlerts: Array<{
      organizationId: string;
      organizationName: string;
      threshold: number | null;
    }>;
  },
  Record<string, never>
>('query MyLowBalanceAlerts { myLowBalanceAlerts { organizationId organizationName threshold } }');

export const SetLowBalanceThreshold = typed<
  { setLowBalanceThreshold: { organizationId: string; threshold: number | null } },
  { input: { organizationId: string; threshold: number | null } }
>(
  'mutation SetLowBalanceThreshold($input: LowBalanceThresholdInput!) { setLowBalanceThreshold(input: $input) { organizationId threshold } }',
);

export interface SendNotificationVariables extends Record<string, unknown> {
  input: {
    accountId: string;
    type: NotificationTypeName;
    title: string;
    body: string;
    link?: string | null;
    idempotencyKey?: string | null;
    localized?: Array<{ locale: string; title: string; body: string }> | null;
  };
}

export interface SentNotificationFields {
  id: string;
  accountId: string;
  type: NotificationTypeName;
  channels: ChannelName[];
  notificationId: string | null;
}

export const SendNotification = typed<
  { sendNotification: SentNotificationFields },
  SendNotificationVariables
>(
  'mutation SendNotification($input: SendNotificationInput!) { sendNotification(input: $input) { id accountId type channels notificationId } }',
);

export interface NotificationFields {
  id: string;
  type: NotificationTypeName;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

const NOTIFICATION = 'id type title body link readAt createdAt';

export const Notifications = typed<
  {
    notifications: {
      edges: Array<{ cursor: string; node: NotificationFields }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
    unreadNotificationCount: number;
  },
  { first?: number; after?: string | null; unreadOnly?: boolean }
>(
  `query Notifications($first: Int, $after: String, $unreadOnly: Boolean) { notifications(first: $first, after: $after, unreadOnly: $unreadOnly) { edges { cursor node { ${NOTIFICATION} } } pageInfo { hasNextPage endCursor } } unreadNotificationCount }`,
);

export const UnreadNotificationCount = typed<
  { unreadNotificationCount: number },
  Record<string, never>
>('query UnreadNotificationCount { unreadNotificationCount }');

export const MarkNotificationsRead = typed<{ markNotificationsRead: number }, { ids: string[] }>(
  'mutation MarkNotificationsRead($ids: [ID!]!) { markNotificationsRead(ids: $ids) }',
);

export const MarkAllNotificationsRead = typed<
  { markAllNotificationsRead: number },
  Record<string, never>
>('mutation MarkAllNotificationsRead { markAllNotificationsRead }');

export const NOTIFICATION_FEED = `subscription { notificationFeed { unreadCount notification { ${NOTIFICATION} } } }`;

export interface NotificationFeedData {
  notificationFeed: { unreadCount: number; notification: NotificationFields | null };
}
