import type { ReasonTable } from '../../graphql/error-codes';

export const DOMAIN_REASONS = {
  DOMAIN_INVALID: { code: 'BAD_USER_INPUT', message: 'Enter a domain name such as example.com' },
  DOMAIN_TAKEN: { code: 'CONFLICT', message: 'This domain is already on the list' },
  DOMAIN_LIMIT_REACHED: {
    code: 'BAD_USER_INPUT',
    message: 'An organization can claim at most {max} domains',
  },
  DOMAIN_NOT_FOUND: { code: 'NOT_FOUND', message: 'No such domain' },
} as const satisfies ReasonTable;
