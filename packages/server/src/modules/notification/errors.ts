import type { ReasonTable } from '../../graphql/error-codes';

export const NOTIFICATION_REASONS = {
  NOTIFICATION_CELL_LOCKED: {
    code: 'BAD_USER_INPUT',
    message: 'Security notices cannot be turned off or on',
  },
  NOTIFICATION_CELL_REPEATED: {
    code: 'BAD_USER_INPUT',
    message: 'This type and channel is listed twice',
  },
  NOTIFICATION_RECIPIENT_NOT_FOUND: {
    code: 'NOT_FOUND',
    message: 'No such person in this organization',
  },
  NOTIFICATION_LINK_INVALID: {
    code: 'BAD_USER_INPUT',
    message: 'Use an https:// or http:// address, or a path starting with /',
  },
  NOTIFICATION_TEXT_REQUIRED: { code: 'BAD_USER_INPUT', message: 'This cannot be empty' },
  NOTIFICATION_LOCALE_UNSUPPORTED: {
    code: 'BAD_USER_INPUT',
    message: 'Use one of the languages Atrium speaks: {locales}',
  },
  NOTIFICATION_IDS_TOO_MANY: {
    code: 'BAD_USER_INPUT',
    message: 'Name at most {max} notifications at once',
  },
  QUIET_HOURS_TIME_INVALID: { code: 'BAD_USER_INPUT', message: 'Use a time like 22:00' },
  QUIET_HOURS_EMPTY: {
    code: 'BAD_USER_INPUT',
    message: 'Quiet hours must end at a different time than they start',
  },
  LOW_BALANCE_THRESHOLD_INVALID: {
    code: 'BAD_USER_INPUT',
    message: 'Enter an amount above 0 and up to {max}, with at most two decimals',
  },
  UNSUBSCRIBE_LINK_INVALID: {
    code: 'BAD_USER_INPUT',
    message: 'This unsubscribe link is not valid',
  },
} as const satisfies ReasonTable;
