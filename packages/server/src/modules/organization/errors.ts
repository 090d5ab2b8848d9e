import type { ReasonTable } from '../../graphql/error-codes';

/** Organizations, their team and seats. `{role}` is the caller's, `{targetRole}` the member's. */
export const ORGANIZATION_REASONS = {
  ORGANIZATION_NOT_FOUND: { code: 'NOT_FOUND', message: 'No such organization' },
  MEMBER_NOT_FOUND: { code: 'NOT_FOUND', message: 'No such member' },
  ROLE_FORBIDS: { code: 'FORBIDDEN', message: 'Your role ({role}) does not allow this' },
  OWNER_CANNOT_LEAVE: {
    code: 'FORBIDDEN',
    message: 'The owner cannot leave; transfer ownership first',
  },
  ROLE_CANNOT_CHANGE_ROLE: {
    code: 'FORBIDDEN',
    message: 'As {role} you cannot change the role of a {targetRole}',
  },
  ROLE_CANNOT_REMOVE: { code: 'FORBIDDEN', message: 'As {role} you cannot remove a {targetRole}' },
  ROLE_ABOVE_OWN: { code: 'FORBIDDEN', message: 'Nobody can grant a role above their own' },
  OWNER_CANNOT_BE_DEMOTED: {
    code: 'CONFLICT',
    message: 'The owner cannot be demoted; transfer ownership first',
  },
  OWNER_CANNOT_BE_REMOVED: {
    code: 'CONFLICT',
    message: 'The owner cannot be removed; transfer ownership first',
  },
  OWNERSHIP_ONLY_BY_TRANSFER: {
    code: 'BAD_USER_INPUT',
    message: 'Ownership moves only by transferring it',
  },
  ALREADY_OWNER: { code: 'BAD_USER_INPUT', message: 'You are already the owner' },
  ONLY_ORGANIZATION: {
    code: 'CONFLICT',
    message: 'This is your only organization; you cannot leave it',
  },
  SEATS_FULL: {
    code: 'PLAN_LIMIT_REACHED',
    message:
      'The {plan} plan includes {limit} seats, and members plus pending invitations use them all',
  },
  ORGANIZATION_NAME_REQUIRED: { code: 'BAD_USER_INPUT', message: 'Enter a name' },
  INDUSTRY_UNKNOWN: { code: 'BAD_USER_INPUT', message: 'Choose an industry from the list' },
  WEBSITE_INVALID: {
    code: 'BAD_USER_INPUT',
    message: 'Enter a web address starting with http:// or https://',
  },
} as const satisfies ReasonTable;
