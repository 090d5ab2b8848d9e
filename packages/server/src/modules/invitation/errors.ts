import type { ReasonTable } from '../../graphql/error-codes';

export const INVITATION_REASONS = {
  INVITATION_NOT_FOUND: { code: 'NOT_FOUND', message: 'No such invitation' },
  INVITATION_ROLE_OWNER: {
    code: 'BAD_USER_INPUT',
    message: 'Invite as ADMIN or below; ownership moves only by transfer',
  },
  INVITATION_ROLE_ABOVE_OWN: {
    code: 'FORBIDDEN',
    message: 'Nobody can invite someone with a role above their own',
  },
  INVITATION_MANAGE_FORBIDDEN: {
    code: 'FORBIDDEN',
    message: 'As {role} you cannot manage this invitation',
  },
  /** The error's reason; its `email` field says ALREADY_MEMBER, in fewer words. */
  INVITEE_ALREADY_MEMBER: { code: 'CONFLICT', message: 'This person is already a member' },
  ALREADY_MEMBER: { code: 'CONFLICT', message: 'Already a member' },
  INVITEE_ALREADY_INVITED: {
    code: 'CONFLICT',
    message: 'This address has a pending invitation; resend it instead',
  },
  ALREADY_INVITED: { code: 'CONFLICT', message: 'Already invited' },
  INVITATION_ACCEPTED: { code: 'CONFLICT', message: 'This invitation was already accepted' },
  INVITATION_REVOKED: { code: 'CONFLICT', message: 'This invitation was revoked' },
  INVITATION_EXPIRED: {
    code: 'BAD_USER_INPUT',
    message: 'This invitation has expired; ask for a new one',
  },
  INVITATION_LINK_INVALID: { code: 'BAD_USER_INPUT', message: 'This invitation link is invalid' },
  INVITATION_FOR_ANOTHER_EMAIL: {
    code: 'FORBIDDEN',
    message:
      'This invitation was sent to another email address; sign in with that address to accept it',
  },
  ALREADY_IN_ORGANIZATION: {
    code: 'CONFLICT',
    message: 'You are already a member of this organization',
  },
} as const satisfies ReasonTable;
