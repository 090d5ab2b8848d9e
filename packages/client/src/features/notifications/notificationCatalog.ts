import type {
  NotificationChannel,
  NotificationPreferenceFieldsFragment,
  NotificationType,
} from '../../generated/graphql';

/** The matrix's rows, grouped as people know them from the product's settings. */
export const NOTIFICATION_GROUPS: ReadonlyArray<{
  key: 'campaigns' | 'contacts' | 'billing' | 'product' | 'security';
  types: ReadonlyArray<NotificationType>;
}> = [
  { key: 'campaigns', types: ['CAMPAIGN_COMPLETED', 'CAMPAIGN_STATUS', 'CALLBACK_REMINDER'] },
  { key: 'contacts', types: ['CONTACT_IMPORT', 'MISSED_CALL'] },
  { key: 'billing', types: ['USAGE_ALERT', 'LOW_BALANCE', 'BILLING'] },
  { key: 'product', types: ['PRODUCT_UPDATES', 'SYSTEM_ALERT'] },
  { key: 'security', types: ['SECURITY'] },
];

export const CHANNELS: ReadonlyArray<NotificationChannel> = ['EMAIL', 'SMS', 'IN_APP'];

export type Cell = NotificationPreferenceFieldsFragment;

export function cellOf(
  cells: ReadonlyArray<Cell>,
  type: NotificationType,
  channel: NotificationChannel,
): Cell | undefined {
  return cells.find((cell) => cell.type === type && cell.channel === channel);
}
