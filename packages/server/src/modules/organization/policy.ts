import { API_KEY_SCOPES, type ApiKeyScope } from '../api-key/scopes';
import { ROLES, type Role } from './team-member.entity';

/** Everything one can do to an organization; each service method names the one it does. */
export const OPERATIONS = [
  'organization.view',
  'organization.update',
  'member.list',
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
  'apiKey.list',
  'apiKey.create',
  'apiKey.roll',
  'apiKey.revoke',
  'notificationRules.view',
  'notificationRules.update',
  'lowBalanceAlert.configure',
  'notification.send',
  'webhook.list',
  'webhook.create',
  'webhook.update',
  'webhook.delete',
  'webhook.revealSecret',
  'webhook.rotateSecret',
  'webhook.test',
  'webhook.redeliver',
  'webhook.recover',
  'event.publish',
  'recordings.requestDeletion',
  'recordings.completeDeletion',
  'plan.change',
  'usage.view',
  'usage.report',
  'billing.view',
  'billing.record',
  'audit.read',
] as const;
export type OrganizationOperation = (typeof OPERATIONS)[number];

const Y = true;
const _ = false;
/** No API key may do it: for people only. */
const PERSON_ONLY = null;

export interface PolicyRow {
  /** Allowed per role, in ROLES order. */
  readonly roles: readonly boolean[];
  /** The scope an API key needs for it, or null when no key may. */
  readonly scope: ApiKeyScope | null;
}

/**
 * Who may do what: the single source of truth for organization authorization,
 * for people by role and for API keys by scope. The services check it through
 * `authorize`; the generated matrix test reads it. Roles that may act on members act only on
 * members of their own role or below, and grant at most their own role (`mayManage`,
 * `mayGrant`); the owner leaves only after transferring ownership. A key acts with ADMIN's
 * reach (`API_KEY_ROLE`), within its scopes, and its scopes never exceed what its creator's role
 * may do (`grantableScopes`, read from this same table).
 */
// prettier-ignore
const TABLE: Readonly<Record<OrganizationOperation, [readonly boolean[], ApiKeyScope | null]>> = {
  //                                 OWNER ADMIN MANAGER MEMBER VIEWER   API key scope
  'organization.view':             [[Y,    Y,    Y,      Y,     Y],     'ORGANIZATION_READ'],
  'organization.update':           [[Y,    Y,    _,      _,     _],     PERSON_ONLY],
  'member.list':                   [[Y,    Y,    Y,      Y,     Y],     'MEMBERS_READ'],
  'organization.leave':            [[_,    Y,    Y,      Y,     Y],     PERSON_ONLY],
  'organization.transferOwnership':[[Y,    _,    _,      _,     _],     PERSON_ONLY],
  'member.invite':                 [[Y,    Y,    Y,      _,     _],     'MEMBERS_WRITE'],
  'member.changeRole':             [[Y,    Y,    Y,      _,     _],     'MEMBERS_WRITE'],
  'member.remove':                 [[Y,    Y,    Y,      _,     _],     PERSON_ONLY],
  'invitation.resend':             [[Y,    Y,    Y,      _,     _],     'MEMBERS_WRITE'],
  'invitation.revoke':             [[Y,    Y,    Y,      _,     _],     'MEMBERS_WRITE'],
  'domain.add':                    [[Y,    Y,    _,      _,     _],     PERSON_ONLY],
  'domain.verify':                 [[Y,    Y,    _,      _,     _],     PERSON_ONLY],
  'domain.remove':                 [[Y,    Y,    _,      _,     _],     PERSON_ONLY],
  'apiKey.list':                   [[Y,    Y,    _,      _,     _],     PERSON_ONLY],
  'apiKey.create':                 [[Y,    Y,    _,      _,     _],     PERSON_ONLY],
  'apiKey.roll':                   [[Y,    Y,    _,      _,     _],     PERSON_ONLY],
  'apiKey.revoke':                 [[Y,    Y,    _,      _,     _],     PERSON_ONLY],
  'notificationRules.view':        [[Y,    Y,    _,      _,     _],     PERSON_ONLY],
  'notificationRules.update':      [[Y,    Y,    _,      _,     _],     PERSON_ONLY],
  'lowBalanceAlert.configure':     [[Y,    Y,    _,      _,     _],     PERSON_ONLY],
  'notification.send':             [[_,    _,    _,      _,     _],     'NOTIFICATIONS_SEND'],
  'webhook.list':                  [[Y,    Y,    _,      _,     _],     'WEBHOOKS_READ'],
  'webhook.create':                [[Y,    Y,    _,      _,     _],     'WEBHOOKS_WRITE'],
  'webhook.update':                [[Y,    Y,    _,      _,     _],     'WEBHOOKS_WRITE'],
  'webhook.delete':                [[Y,    Y,    _,      _,     _],     'WEBHOOKS_WRITE'],
  // Sudo mode: a person's recent sign-in; keys see a secret at creation and rotation only.
  'webhook.revealSecret':          [[Y,    Y,    _,      _,     _],     PERSON_ONLY],
  'webhook.rotateSecret':          [[Y,    Y,    _,      _,     _],     'WEBHOOKS_WRITE'],
  'webhook.test':                  [[Y,    Y,    _,      _,     _],     'WEBHOOKS_WRITE'],
  'webhook.redeliver':             [[Y,    Y,    _,      _,     _],     'WEBHOOKS_WRITE'],
  'webhook.recover':               [[Y,    Y,    _,      _,     _],     'WEBHOOKS_WRITE'],
  // Internal tools only: publishing the product's events is no person's doing.
  'event.publish':                 [[_,    _,    _,      _,     _],     'EVENTS_PUBLISH'],
  'recordings.requestDeletion':    [[Y,    Y,    _,      _,     _],     PERSON_ONLY],
  // API keys only: the service that held the recordings confirms it deleted them.
  'recordings.completeDeletion':   [[_,    _,    _,      _,     _],     'EVENTS_PUBLISH'],
  // The owner decides what the organization pays for; the billing service learns of it by webhook.
  'plan.change':                   [[Y,    _,    _,      _,     _],     PERSON_ONLY],
  // Everyone who works with the product sees what this cycle used; the billing service reads it.
  'usage.view':                    [[Y,    Y,    Y,      Y,     Y],     'BILLING_READ'],
  // API keys only: the services that do the calling, messaging… report what they used.
  'usage.report':                  [[_,    _,    _,      _,     _],     'USAGE_REPORT'],
  'billing.view':                  [[Y,    Y,    _,      _,     _],     'BILLING_READ'],
  // API keys only: the billing service reports balances and invoices; nobody types them in.
  'billing.record':                [[_,    _,    _,      _,     _],     'BILLING_WRITE'],
  // The list and its export alike.
  'audit.read':                    [[Y,    Y,    _,      _,     _],     'AUDIT_READ'],
};

export const POLICY: Readonly<Record<OrganizationOperation, PolicyRow>> = Object.fromEntries(
  Object.entries(TABLE).map(([operation, [roles, scope]]) => [operation, { roles, scope }]),
) as Record<OrganizationOperation, PolicyRow>;

/**
 * The role an API key acts with for rank rules (whom it may manage, what it may grant). Only
 * OWNER and ADMIN create keys (`apiKey.create`), so this never exceeds the creator's role.
 */
export const API_KEY_ROLE: Role = 'ADMIN';

export function isAllowed(role: Role, operation: OrganizationOperation): boolean {
  return POLICY[operation].roles[ROLES.indexOf(role)] === true;
}

/** Whether a key holding `scopes` may do `operation`. */
export function isAllowedForKey(
  scopes: readonly ApiKeyScope[],
  operation: OrganizationOperation,
): boolean {
  const needed = POLICY[operation].scope;
  return needed !== null && scopes.includes(needed);
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

/** Why a scope cannot go on a key: nothing uses it yet, or it reaches beyond the role. */
export type ScopeUnavailableReason = 'NOT_AVAILABLE_YET' | 'ABOVE_YOUR_ROLE';

/**
 * Whether `role` may put `scope` on a key (null) and why not otherwise: it may when the role may
 * do every operation the scope allows, so a key never does more than its creator could. An
 * operation no role does (an API-key-only one, such as publishing events) counts as the key
 * managers' (`apiKey.create`). A scope that no operation uses yet is granted by nobody: what it
 * would allow is not decided.
 */
export function scopeUnavailableReason(
  role: Role,
  scope: ApiKeyScope,
): ScopeUnavailableReason | null {
  const rows = OPERATIONS.filter((operation) => POLICY[operation].scope === scope);
  if (rows.length === 0) return 'NOT_AVAILABLE_YET';
  const allowed = rows.every((operation) =>
    POLICY[operation].roles.some(Boolean)
      ? isAllowed(role, operation)
      : isAllowed(role, 'apiKey.create'),
  );
  return allowed ? null : 'ABOVE_YOUR_ROLE';
}

/** The scopes `role` may put on a key (`scopeUnavailableReason` says null). */
export function grantableScopes(role: Role): ApiKeyScope[] {
  return API_KEY_SCOPES.filter((scope) => scopeUnavailableReason(role, scope) === null);
}
