import type { ReasonTable } from '../../graphql/error-codes';

/** Two-factor set-up and methods, the log-in challenge, and codes (TOTP, backup and SMS codes alike). */
export const MFA_REASONS = {
  MFA_ALREADY_ON: { code: 'CONFLICT', message: 'Two-factor authentication is already on' },
  MFA_OFF: { code: 'CONFLICT', message: 'Two-factor authentication is off' },
  MFA_ALREADY_OFF: { code: 'CONFLICT', message: 'Two-factor authentication is already off' },
  TOTP_ALREADY_ON: { code: 'CONFLICT', message: 'An authenticator app is already set up' },
  SMS_MFA_ALREADY_ON: { code: 'CONFLICT', message: 'Text-message codes are already on' },
  SMS_MFA_NEEDS_PHONE: {
    code: 'CONFLICT',
    message: 'Add and confirm a phone number first (Settings → Profile)',
  },
  SMS_MFA_OFF: {
    code: 'BAD_USER_INPUT',
    message: 'Text-message codes are not set up for this account',
  },
  MFA_METHOD_OFF: { code: 'CONFLICT', message: 'This method is not on' },
  MFA_METHOD_NOT_SET_UP: {
    code: 'BAD_USER_INPUT',
    message: 'Set this method up before making it the default',
  },
  MFA_METHOD_NOT_REMOVABLE: {
    code: 'BAD_USER_INPUT',
    message: 'Remove passkeys in the Passkeys section',
  },
  SMS_CODE_EXPIRED: {
    code: 'BAD_USER_INPUT',
    message: 'This code has expired; send a new one',
  },
  SMS_SENDS_EXHAUSTED: {
    code: 'BAD_USER_INPUT',
    message: 'No more codes can be sent for this sign-in; use another method or sign in again',
  },
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
