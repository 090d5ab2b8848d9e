import { ROLES, type Role } from './team-member.entity';

/** Everything one can do to an organization; each service method names the one it does. */
export const OPERATIONS = [
  'organization.view',
  'organization.update',
  'organization.leave',
  'organization.transferOwnership',
  'member.invite',
  'member.changeRole',
  'member.remove',
  'invitation.resend',
  'invitation.revoke',
  'domain.add',
  'domain.verify',
  'domain.remove',
] as const;
export type OrganizationOperation = (typeof OPERATIONS)[number];

const Y = true;
const _ = false;

/**
 * Who may do what: the single source of truth for organization authorization (SPEC §2, §3.4).
 * The services check it; the generated matrix test reads it. Roles that may act on members
 * act only on members of their own role or below, and grant at most their own role
 * (`mayManage`, `mayGrant`); the owner leaves only after transferring ownership.
 */
// prettier-ignore
export const POLICY: Readonly<Record<OrganizationOperation, readonly boolean[]>> = {
  //                                OWNER ADMIN MANAGER MEMBER VIEWER
  'organization.view':             [Y,    Y,    Y,      Y,     Y],
  'organization.update':           [Y,    Y,    _,      _,     _],
  'organization.leave':            [_,    Y,    Y,      Y,     Y],
  'organization.transferOwnership':[Y,    _,    _,      _,     _],
  'member.invite':                 [Y,    Y,    Y,      _,     _],
  'member.changeRole':             [Y,    Y,    Y,      _,     _],
  'member.remove':                 [Y,    Y,    Y,      _,     _],
  'invitation.resend':             [Y,    Y,    Y,      _,     _],
  'invitation.revoke':             [Y,    Y,    Y,      _,     _],
  'domain.add':                    [Y,    Y,    _,      _,     _],
  'domain.verify':                 [Y,    Y,    _,      _,     _],
  'domain.remove':                 [Y,    Y,    _,      _,     _],
};

export function isAllowed(role: Role, operation: OrganizationOperation): boolean {
  return POLICY[operation][ROLES.indexOf(role)] === true;
}

/** OWNER 5 … VIEWER 1. */
export function rank(role: Role): number {
  return ROLES.length - ROLES.indexOf(role);
}

/** A member may act on members (and invitations) of their own role or below. */
export function mayManage(actor: Role, target: Role): boolean {
  return rank(target) <= rank(actor);
}

/** A role is never granted above the granter's own; OWNER only moves by transferOwnership. */
export function mayGrant(actor: Role, granted: Role): boolean {
  return granted !== 'OWNER' && rank(granted) <= rank(actor);
}
