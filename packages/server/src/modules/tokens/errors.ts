import type { ReasonTable } from '../../graphql/error-codes';

/** Emailed single-use links (email verification and change, password reset). */
export const TOKEN_REASONS = {
  LINK_INVALID: {
    code: 'BAD_USER_INPUT',
    message: 'This link is invalid, expired or already used',
  },
} as const satisfies ReasonTable;
