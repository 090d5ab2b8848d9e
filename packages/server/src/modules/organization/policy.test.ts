import { API_KEY_SCOPES } from '../api-key/scopes';
import {
  grantableScopes,
  isAllowed,
  isAllowedForKey,
  mayGrant,
  mayManage,
  OPERATIONS,
  POLICY,
  scopeUnavailableReason,
  type OrganizationOperation,
} from './policy';
import { ROLES } from './team-member.entity';

/** Whether any role may do it (else only an API key with its scope may). */
const forSomeRole = (operation: OrganizationOperation) => POLICY[operation].roles.some(Boolean);

describe('the role × operation table', () => {
  it('has a row of five roles for every operation', () => {
    expect(Object.keys(POLICY).sort()).toEqual([...OPERATIONS].sort());
    for (const row of Object.values(POLICY)) expect(row.roles).toHaveLength(ROLES.length);
  });

  it('lets VIEWER and MEMBER only look', () => {
    for (const role of ['VIEWER', 'MEMBER'] as const) {
      const allowed = OPERATIONS.filter((operation) => isAllowed(role, operation));
      expect(allowed).toEqual([
        'organization.view',
        'member.list',
        'organization.leave',
        'usage.view',
      ]);
    }
  });

  it('keeps ownership with the owner: only they transfer it, and they cannot leave', () => {
    expect(ROLES.filter((role) => isAllowed(role, 'organization.transferOwnership'))).toEqual([
      'OWNER',
    ]);
    expect(isAllowed('OWNER', 'organization.leave')).toBe(false);
  });
});

describe('API key scopes', () => {
  it('never lets a key do what no role but OWNER may, nor leave or remove', () => {
    const everyScope = Object.values(POLICY).flatMap((row) => (row.scope ? [row.scope] : []));
    for (const operation of OPERATIONS.filter(forSomeRole)) {
      if (!isAllowed('ADMIN', operation))
        expect(isAllowedForKey(everyScope, operation)).toBe(false);
    }
    expect(isAllowedForKey(everyScope, 'organization.leave')).toBe(false);
    expect(isAllowedForKey(everyScope, 'member.remove')).toBe(false);
  });

  it('asks for the scope of the row, and nothing else will do', () => {
    expect(isAllowedForKey(['MEMBERS_WRITE'], 'member.invite')).toBe(true);
    expect(isAllowedForKey(['MEMBERS_READ', 'ORGANIZATION_READ'], 'member.invite')).toBe(false);
    expect(isAllowedForKey([], 'organization.view')).toBe(false);
  });
});

describe('scopes a creator may grant', () => {
  it('are read from the table: a scope whose every operation the role may do', () => {
    for (const role of ROLES) {
      for (const scope of grantableScopes(role)) {
        const operations = OPERATIONS.filter((operation) => POLICY[operation].scope === scope);
        expect(operations.length).toBeGreaterThan(0);
        for (const operation of operations) {
          expect(isAllowed(role, forSomeRole(operation) ? operation : 'apiKey.create')).toBe(true);
        }
      }
    }
    expect(grantableScopes('OWNER')).toEqual([
      'ORGANIZATION_READ',
      'MEMBERS_READ',
      'MEMBERS_WRITE',
      'WEBHOOKS_READ',
      'WEBHOOKS_WRITE',
      'EVENTS_PUBLISH',
      'NOTIFICATIONS_SEND',
      'USAGE_REPORT',
      'BILLING_READ',
      'BILLING_WRITE',
      'AUDIT_READ',
    ]);
    expect(grantableScopes('ADMIN')).toEqual(grantableScopes('OWNER'));
  });

  it('say why a scope is refused: nothing uses it yet, or the role may not do all it allows', () => {
    expect(scopeUnavailableReason('OWNER', 'MEMBERS_WRITE')).toBeNull();
    // Every scope is used by some operation now: none is waiting for its feature.
    expect(
      API_KEY_SCOPES.filter(
        (scope) => scopeUnavailableReason('OWNER', scope) === 'NOT_AVAILABLE_YET',
      ),
    ).toEqual([]);
    expect(scopeUnavailableReason('OWNER', 'AUDIT_READ')).toBeNull();
    expect(scopeUnavailableReason('VIEWER', 'AUDIT_READ')).toBe('ABOVE_YOUR_ROLE');
    expect(scopeUnavailableReason('VIEWER', 'WEBHOOKS_WRITE')).toBe('ABOVE_YOUR_ROLE');
    expect(scopeUnavailableReason('ADMIN', 'EVENTS_PUBLISH')).toBeNull();
    expect(scopeUnavailableReason('VIEWER', 'MEMBERS_WRITE')).toBe('ABOVE_YOUR_ROLE');
    expect(scopeUnavailableReason('VIEWER', 'MEMBERS_READ')).toBeNull();
  });

  it('never lets a key do what its creator cannot', () => {
    for (const role of ROLES) {
      const scopes = grantableScopes(role);
      for (const operation of OPERATIONS) {
        if (!isAllowedForKey(scopes, operation)) continue;
        // An operation only keys do (sending notifications) is the key managers' to hand out.
        const creatorMay = forSomeRole(operation)
          ? isAllowed(role, operation)
          : isAllowed(role, 'apiKey.create');
        expect(creatorMay).toBe(true);
      }
    }
  });

  it('keeps key-only operations behind a scope', () => {
    for (const operation of OPERATIONS.filter((operation) => !forSomeRole(operation))) {
      expect(POLICY[operation].scope).not.toBeNull();
    }
  });

  it('leaves publishing events to keys, which only key managers may grant it to', () => {
    expect(ROLES.filter((role) => isAllowed(role, 'event.publish'))).toEqual([]);
    expect(ROLES.filter((role) => grantableScopes(role).includes('EVENTS_PUBLISH'))).toEqual([
      'OWNER',
      'ADMIN',
    ]);
  });

  it('leaves the plan to the owner, billing records to keys, and billing to OWNER and ADMIN', () => {
    expect(ROLES.filter((role) => isAllowed(role, 'plan.change'))).toEqual(['OWNER']);
    expect(POLICY['plan.change'].scope).toBeNull();
    expect(ROLES.filter((role) => isAllowed(role, 'billing.view'))).toEqual(['OWNER', 'ADMIN']);
    expect(ROLES.filter((role) => isAllowed(role, 'billing.record'))).toEqual([]);
    expect(ROLES.filter((role) => isAllowed(role, 'usage.report'))).toEqual([]);
    expect(ROLES.filter((role) => isAllowed(role, 'usage.view'))).toEqual(ROLES);
    // A key reading usage or billing reads both: BILLING_READ is for OWNER and ADMIN to grant.
    expect(scopeUnavailableReason('MANAGER', 'BILLING_READ')).toBe('ABOVE_YOUR_ROLE');
  });

  it('leaves key management to OWNER and ADMIN, people only', () => {
    for (const operation of [
      'apiKey.list',
      'apiKey.create',
      'apiKey.roll',
      'apiKey.revoke',
    ] as const) {
      expect(ROLES.filter((role) => isAllowed(role, operation))).toEqual(['OWNER', 'ADMIN']);
      expect(POLICY[operation].scope).toBeNull();
    }
  });
});

describe('grants and targets', () => {
  it('grants at most the granter’s own role, and OWNER never', () => {
    expect(mayGrant('OWNER', 'ADMIN')).toBe(true);
    expect(mayGrant('OWNER', 'OWNER')).toBe(false);
    expect(mayGrant('ADMIN', 'ADMIN')).toBe(true);
    expect(mayGrant('MANAGER', 'ADMIN')).toBe(false);
    expect(mayGrant('MANAGER', 'MANAGER')).toBe(true);
  });

  it('acts on members of one’s own role or below', () => {
    expect(mayManage('MANAGER', 'ADMIN')).toBe(false);
    expect(mayManage('MANAGER', 'VIEWER')).toBe(true);
    expect(mayManage('ADMIN', 'OWNER')).toBe(false);
  });
});
