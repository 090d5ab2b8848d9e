import type { ReasonTable } from '../../graphql/error-codes';

export const AUDIT_REASONS = {
  AUDIT_RANGE_INVALID: {
    code: 'BAD_USER_INPUT',
    message: 'The end of the time range must not be before its start',
  },
  AUDIT_DATE_INVALID: {
    code: 'BAD_USER_INPUT',
    message: 'Give a date and time such as 2025-01-31T23:59:59Z',
  },
  AUDIT_EVENT_TYPE_UNKNOWN: {
    code: 'BAD_USER_INPUT',
    message: '{type} is not an audit event type',
  },
  AUDIT_EXPORT_FORMAT_INVALID: {
    code: 'BAD_USER_INPUT',
    message: 'Choose the format csv or jsonl',
  },
  AUDIT_EXPORT_PARAMETER_UNKNOWN: {
    code: 'BAD_USER_INPUT',
    message: '{name} is not a parameter of the audit log export',
  },
  AUDIT_EXPORT_PARAMETER_REPEATED: {
    code: 'BAD_USER_INPUT',
    message: 'Give {name} once (several types go in one, separated by commas)',
  },
} as const satisfies ReasonTable;
