import type { ReasonTable } from '../graphql/error-codes';

/** Who may call at all: signed in, and as a person where a key cannot act. */
export const CALLER_REASONS = {
  SIGN_IN_REQUIRED: { code: 'UNAUTHENTICATED', message: 'You must be signed in' },
  PERSON_REQUIRED: {
    code: 'FORBIDDEN',
    message: 'An API key cannot do this; sign in as a person',
  },
  API_KEY_REQUIRED: {
    code: 'FORBIDDEN',
    message: 'Only a tool with an API key can do this',
  },
} as const satisfies ReasonTable;
