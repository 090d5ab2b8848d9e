import type { ReasonTable } from '../../graphql/error-codes';

/** Changing plan. `{plan}` is the new plan's name. */
export const PLAN_REASONS = {
  PLAN_UNKNOWN: { code: 'BAD_USER_INPUT', message: 'Choose one of the plans offered' },
  PLAN_SEATS_TOO_FEW: {
    code: 'PLAN_LIMIT_REACHED',
    message:
      'The {plan} plan includes {limit} seats, but members and pending invitations take {used}; remove some first',
  },
} as const satisfies ReasonTable;
