import type { ReasonTable } from '../../graphql/error-codes';

export const SESSION_REASONS = {
  SESSION_NOT_FOUND: { code: 'NOT_FOUND', message: 'No such session' },
} as const satisfies ReasonTable;
