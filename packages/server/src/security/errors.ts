import type { ReasonTable } from '../graphql/error-codes';

/** Rate limits (rate-limits.ts); the wait is in params and in `extensions.retryAfterSeconds`. */
export const RATE_LIMIT_REASONS = {
  TOO_MANY_ATTEMPTS: {
    code: 'RATE_LIMITED',
    message: 'Too many attempts; try again in {retryAfterSeconds} s',
  },
} as const satisfies ReasonTable;
