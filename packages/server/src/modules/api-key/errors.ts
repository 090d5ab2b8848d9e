import type { ReasonTable } from '../../graphql/error-codes';

export const API_KEY_REASONS = {
  API_KEY_SCOPE_MISSING: {
    code: 'FORBIDDEN',
    message: 'This API key is not allowed to do this (see its scopes)',
  },
  API_KEY_NOT_FOUND: { code: 'NOT_FOUND', message: 'No such API key' },
  API_KEY_NAME_REQUIRED: { code: 'BAD_USER_INPUT', message: 'Enter a name for the key' },
  API_KEY_SCOPES_REQUIRED: { code: 'BAD_USER_INPUT', message: 'Choose at least one scope' },
  API_KEY_SCOPE_ABOVE_ROLE: {
    code: 'BAD_USER_INPUT',
    message: 'Your role ({role}) cannot grant {scope}',
  },
  API_KEY_ROLL_ABOVE_ROLE: {
    code: 'FORBIDDEN',
    message: 'This key has scopes your role ({role}) cannot grant; ask someone who can to roll it',
  },
  API_KEY_EXPIRY_IN_PAST: { code: 'BAD_USER_INPUT', message: 'Choose a time in the future' },
  API_KEY_EXPIRY_TOO_FAR: {
    code: 'BAD_USER_INPUT',
    message: 'Choose a time at most {years} years ahead',
  },
  API_KEY_GRACE_OUT_OF_RANGE: {
    code: 'BAD_USER_INPUT',
    message: 'Choose between 0 seconds and {maxDays} days',
  },
  API_KEY_REVOKED: { code: 'CONFLICT', message: 'This key was revoked' },
  API_KEY_EXPIRED: { code: 'CONFLICT', message: 'This key has expired' },
  API_KEY_LIMIT_REACHED: {
    code: 'CONFLICT',
    message: 'An organization can have at most {max} active keys; revoke one first',
  },
} as const satisfies ReasonTable;
