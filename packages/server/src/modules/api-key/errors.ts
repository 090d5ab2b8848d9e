import type { ReasonTable } from '../../graphql/error-codes';

export const API_KEY_REASONS = {
  API_KEY_SCOPE_MISSING: {
    code: 'FORBIDDEN',
    message: 'This API key is not allowed to do this (see its scopes)',
  },
} as const satisfies ReasonTable;
