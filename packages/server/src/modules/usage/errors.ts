import type { ReasonTable } from '../../graphql/error-codes';

/** Reporting usage. */
export const USAGE_REASONS = {
  USAGE_METRIC_INVALID: {
    code: 'BAD_USER_INPUT',
    message: 'Use a metric code of capital letters, digits and _, such as MINUTES',
  },
  USAGE_METRIC_METERED: {
    code: 'BAD_USER_INPUT',
    message: 'Atrium counts {metric} itself; services do not report it',
  },
  USAGE_QUANTITY_INVALID: {
    code: 'BAD_USER_INPUT',
    message: 'Report a whole number from 1 to {max}',
  },
  USAGE_IDEMPOTENCY_KEY_REQUIRED: {
    code: 'BAD_USER_INPUT',
    message: 'Give each report an idempotency key',
  },
  USAGE_REPORT_KEY_REUSED: {
    code: 'CONFLICT',
    message: 'This idempotency key was already used for another report ({quantity} {metric})',
  },
} as const satisfies ReasonTable;
