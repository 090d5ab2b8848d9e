import type { ReasonTable } from '../../graphql/error-codes';

/** Two-factor set-up, the log-in challenge, and codes (TOTP, backup and SMS codes alike). */
export const MFA_REASONS = {
  MFA_ALREADY_ON: { code: 'CONFLICT', message: 'Two-factor authentication is already on' },
  MFA_OFF: { code: 'CONFLICT', message: 'Two-factor authentication is off' },
  MFA_ALREADY_OFF: { code: 'CONFLICT', message: 'Two-factor authentication is already off' },
  MFA_SETUP_NOT_STARTED: { code: 'BAD_USER_INPUT', message: 'Start the set-up first' },
  TOTP_CODE_INCORRECT: {
    code: 'BAD_USER_INPUT',
    message: 'That code is not right; check the time on your device',
  },
  MFA_CHALLENGE_EXPIRED: {
    code: 'BAD_USER_INPUT',
    message: 'This sign-in has expired; enter your password again',
  },
  MFA_CHALLENGE_LOCKED: {
    code: 'BAD_USER_INPUT',
    message: 'Too many wrong codes; sign in again',
  },
  CODE_INCORRECT: { code: 'BAD_USER_INPUT', message: 'That code is not right' },
  CODE_NOT_SIX_DIGITS: { code: 'BAD_USER_INPUT', message: 'Enter the 6-digit code' },
  MFA_CODE_MALFORMED: {
    code: 'BAD_USER_INPUT',
    message: 'Enter the 6-digit code or a backup code',
  },
} as const satisfies ReasonTable;
