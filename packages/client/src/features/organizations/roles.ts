import type { Role } from '../../generated/graphql';

/** From most to least rights, as the server ranks them. */
export const ROLES: ReadonlyArray<Role> = ['OWNER', 'ADMIN', 'MANAGER', 'MEMBER', 'VIEWER'];

function rank(role: Role): number {
  return ROLES.length - ROLES.indexOf(role);
}

/**
 * These mirror the server's policy (packages/server/src/modules/organization/policy.ts) only to
 * decide which controls to show; the server checks every operation again.
 */
export function mayEditOrganization(role: Role): boolean {
  return role === 'OWNER' || role === 'ADMIN';
}

/** Listing, creating, rolling and revoking API keys: the same roles as editing the organization. */
export function mayManageApiKeys(role: Role): boolean {
  return mayEditOrganization(role);
}

/** The audit log and its export: the same roles as editing the organization. */
export function mayReadAuditLog(role: Role): boolean {
  return mayEditOrganization(role);
}

export function mayManageTeam(role: Role): boolean {
  return mayEditOrganization(role) || role === 'MANAGER';
}

/** The roles `actor` may give: never OWNER (that is a transfer), never above their own. */
export function grantableRoles(actor: Role): Role[] {
  if (!mayManageTeam(actor)) return [];
  return ROLES.filter((role) => role !== 'OWNER' && rank(role) <= rank(actor));
}

/** Whether `actor` may change the role of, or remove, a member who is `target`. */
export function mayManageMember(actor: Role, target: Role): boolean {
  return mayManageTeam(actor) && target !== 'OWNER' && rank(target) <= rank(actor);
}
