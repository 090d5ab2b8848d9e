import type { ReasonTable } from '../../graphql/error-codes';

/** Registering, using and managing passkeys. */
export const PASSKEY_REASONS = {
  PASSKEY_RESPONSE_INVALID: {
    code: 'BAD_USER_INPUT',
    message: "The passkey's answer could not be read; try again",
  },
  PASSKEY_CHALLENGE_EXPIRED: {
    code: 'BAD_USER_INPUT',
    message: 'This passkey request has expired or was already used; try again',
  },
  PASSKEY_REGISTRATION_FAILED: {
    code: 'BAD_USER_INPUT',
    message: 'The passkey could not be verified; try again',
  },
  PASSKEY_SIGN_IN_FAILED: {
    code: 'UNAUTHENTICATED',
    message: 'That passkey could not sign you in',
  },
  PASSKEY_NOT_ACCEPTED: {
    code: 'BAD_USER_INPUT',
    message: 'That passkey was not accepted; use one of this account',
  },
  PASSKEY_ALREADY_REGISTERED: {
    code: 'CONFLICT',
    message: 'This passkey is already registered',
  },
  PASSKEY_LIMIT_REACHED: {
    code: 'CONFLICT',
    message: 'An account can have at most {max} passkeys; remove one first',
  },
  PASSKEY_NOT_FOUND: { code: 'NOT_FOUND', message: 'No such passkey' },
  PASSKEY_NAME_REQUIRED: { code: 'BAD_USER_INPUT', message: 'Enter a name for the passkey' },
} as const satisfies ReasonTable;
