/** What a notice is about; the rows of the preference matrix. */
export const NOTIFICATION_TYPES = [
  'CAMPAIGN_COMPLETED',
  'CAMPAIGN_STATUS',
  'CALLBACK_REMINDER',
  'CONTACT_IMPORT',
  'MISSED_CALL',
  'USAGE_ALERT',
  'LOW_BALANCE',
  'BILLING',
  'PRODUCT_UPDATES',
  'SYSTEM_ALERT',
  'SECURITY',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** How a notice reaches a person; the columns of the matrix. */
export const NOTIFICATION_CHANNELS = ['EMAIL', 'SMS', 'IN_APP'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export interface Cell {
  type: NotificationType;
  channel: NotificationChannel;
}

const Y = true;
const _ = false;

/**
 * Atrium's defaults, before an organization's rules or a person's choice: in-app for everything,
 * email for what people act on (completions, imports, missed calls, money, product news), SMS
 * only when someone asks for it.
 */
// prettier-ignore
const DEFAULTS: Readonly<Record<NotificationType, readonly [email: boolean, sms: boolean, inApp: boolean]>> = {
  //                     EMAIL SMS IN_APP
  CAMPAIGN_COMPLETED:   [Y,    _,  Y],
  CAMPAIGN_STATUS:      [_,    _,  Y],
  CALLBACK_REMINDER:    [_,    _,  Y],
  CONTACT_IMPORT:       [Y,    _,  Y],
  MISSED_CALL:          [Y,    _,  Y],
  USAGE_ALERT:          [Y,    _,  Y],
  LOW_BALANCE:          [Y,    _,  Y],
  BILLING:              [Y,    _,  Y],
  PRODUCT_UPDATES:      [Y,    _,  Y],
  SYSTEM_ALERT:         [_,    _,  Y],
  SECURITY:             [Y,    _,  Y],
};

/** Why a locked cell cannot change, in English for tools (the SPA says it in the person's language). */
export const SECURITY_LOCK_REASON =
  'Security notices always go by email and in the app, and never by SMS; they cannot be changed';

/** Security notices ignore the matrix: their whole row is fixed. */
export function isLocked(type: NotificationType): boolean {
  return type === 'SECURITY';
}

export function defaultEnabled({ type, channel }: Cell): boolean {
  return DEFAULTS[type][NOTIFICATION_CHANNELS.indexOf(channel)];
}

/** Every cell of the matrix, in row then column order. */
export const ALL_CELLS: readonly Cell[] = NOTIFICATION_TYPES.flatMap((type) =>
  NOTIFICATION_CHANNELS.map((channel) => ({ type, channel })),
);

export function cellKey({ type, channel }: Cell): string {
  return `${type}:${channel}`;
}

export function isNotificationType(value: string): value is NotificationType {
  return (NOTIFICATION_TYPES as readonly string[]).includes(value);
}

export function isNotificationChannel(value: string): value is NotificationChannel {
  return (NOTIFICATION_CHANNELS as readonly string[]).includes(value);
}
