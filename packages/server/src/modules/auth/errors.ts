import type { ReasonTable } from '../../graphql/error-codes';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-limits';

export const AUTH_REASONS = {
  /** Unknown address and wrong password alike, so the answer does not tell which. */
  INVALID_CREDENTIALS: { code: 'UNAUTHENTICATED', message: 'Invalid email or password' },
  EMAIL_TAKEN: { code: 'CONFLICT', message: 'An account with this email already exists' },
  WRONG_PASSWORD: { code: 'BAD_USER_INPUT', message: 'Wrong password' },
  PASSWORD_REQUIRED: { code: 'BAD_USER_INPUT', message: 'Enter your password' },
  REAUTHENTICATION_REQUIRED: {
    code: 'REAUTHENTICATION_REQUIRED',
    message: 'Confirm your password to continue',
  },
} as const satisfies ReasonTable;

/** The password policy's findings (password-policy.ts), first unmet rule first. */
export const PASSWORD_POLICY_REASONS = {
  PASSWORD_TOO_SHORT: {
    code: 'BAD_USER_INPUT',
    message: `Use at least ${PASSWORD_MIN_LENGTH} characters`,
  },
  PASSWORD_TOO_LONG: {
    code: 'BAD_USER_INPUT',
    message: `Use at most ${PASSWORD_MAX_LENGTH} characters`,
  },
  PASSWORD_NEEDS_UPPERCASE: { code: 'BAD_USER_INPUT', message: 'Add an uppercase letter' },
  PASSWORD_NEEDS_NUMBER: { code: 'BAD_USER_INPUT', message: 'Add a number' },
  PASSWORD_NEEDS_SPECIAL: { code: 'BAD_USER_INPUT', message: 'Add a special character' },
  PASSWORD_IS_EMAIL: {
    code: 'BAD_USER_INPUT',
    message: 'Your password must not be your email address',
  },
  PASSWORD_HAS_CONTEXT_WORD: {
    code: 'BAD_USER_INPUT',
    message: "Your password must not contain your name, email or the product's name",
  },
  PASSWORD_TOO_COMMON: {
    code: 'BAD_USER_INPUT',
    message: 'This password is too common; choose another',
  },
} as const satisfies ReasonTable;

export type PasswordProblem = keyof typeof PASSWORD_POLICY_REASONS;
