import { isAllowed, mayGrant, mayManage, OPERATIONS, POLICY } from './policy';
import { ROLES } from './team-member.entity';

describe('the role × operation table', () => {
  it('has a row of five roles for every operation', () => {
    expect(Object.keys(POLICY).sort()).toEqual([...OPERATIONS].sort());
    for (const row of Object.values(POLICY)) expect(row).toHaveLength(ROLES.length);
  });

  it('lets VIEWER and MEMBER only look', () => {
    for (const role of ['VIEWER', 'MEMBER'] as const) {
      const allowed = OPERATIONS.filter((operation) => isAllowed(role, operation));
      expect(allowed).toEqual(['organization.view', 'organization.leave']);
    }
  });

  it('keeps ownership with the owner: only they transfer it, and they cannot leave', () => {
    expect(ROLES.filter((role) => isAllowed(role, 'organization.transferOwnership'))).toEqual([
      'OWNER',
    ]);
    expect(isAllowed('OWNER', 'organization.leave')).toBe(false);
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
