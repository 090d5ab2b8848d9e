import type { ReasonTable } from '../../graphql/error-codes';

/** The profile, and changing the email address and phone number. */
export const ACCOUNT_REASONS = {
  FULL_NAME_REQUIRED: { code: 'BAD_USER_INPUT', message: 'Enter your name' },
  USERNAME_INVALID: {
    code: 'BAD_USER_INPUT',
    message:
      'Use 3–30 letters, digits, dots, dashes or underscores, starting and ending with a letter or digit',
  },
  USERNAME_TAKEN: { code: 'BAD_USER_INPUT', message: 'This username is taken' },
  TIME_ZONE_REQUIRED: { code: 'BAD_USER_INPUT', message: 'Choose a time zone' },
  TIME_ZONE_UNKNOWN: {
    code: 'BAD_USER_INPUT',
    message: 'Choose a time zone from the list, such as Europe/Madrid',
  },
  LANGUAGE_REQUIRED: { code: 'BAD_USER_INPUT', message: 'Choose a language' },
  LANGUAGE_UNSUPPORTED: { code: 'BAD_USER_INPUT', message: 'Choose one of: {choices}' },
  COUNTRY_UNKNOWN: {
    code: 'BAD_USER_INPUT',
    message: 'Choose a country from the list (ISO 3166-1 code such as ES)',
  },
  EMAIL_UNCHANGED: { code: 'BAD_USER_INPUT', message: 'This is already your address' },
  PHONE_INVALID: {
    code: 'BAD_USER_INPUT',
    message: 'Enter a valid phone number with its country code, such as +34 612 345 678',
  },
  PHONE_USED_FOR_MFA: {
    code: 'CONFLICT',
    message: 'Sign-in codes are texted to this number; turn them off first',
  },
  PHONE_CODE_LOCKED: {
    code: 'BAD_USER_INPUT',
    message: 'Too many wrong codes; request a new one',
  },
  PHONE_CHANGE_NOT_PENDING: {
    code: 'BAD_USER_INPUT',
    message: 'No phone change is waiting for a code; request a new one',
  },
} as const satisfies ReasonTable;
