import type { DataSource, EntityManager } from 'typeorm';
import type { ApiKeyCaller, Caller, PersonCaller } from '../../caller/caller';
import { requireKnownCaller } from '../../caller/caller';
import { fail } from '../../graphql/errors';
import type { ReasonWithCode } from '../../graphql/reasons';
import { OrganizationEntity } from './organization.entity';
import { API_KEY_ROLE, isAllowed, isAllowedForKey, type OrganizationOperation } from './policy';
import { TeamMemberEntity, type Role } from './team-member.entity';

/**
 * Proof that the caller may act in the organization, read from the database on this request
 * (no cache: a role change, a removal or a revoked key counts on the very next request, on any
 * instance). Only `loadAccess` makes one.
 */
export interface OrganizationAccess {
  readonly organization: OrganizationEntity;
  readonly caller: PersonCaller | ApiKeyCaller;
  /** A person's membership; null for an API key, which belongs to the organization itself. */
  readonly membership: TeamMemberEntity | null;
  /** The role the caller acts with: the member's, or API_KEY_ROLE for a key. */
  readonly role: Role;
}

/**
 * What a non-member gets for anything of an organization, nothing to learn from: this NOT_FOUND
 * (MEMBER_NOT_FOUND for a member id, ORGANIZATION_NOT_FOUND by default).
 */
export type Missing = ReasonWithCode<'NOT_FOUND'>;

/** Who asks to do what where; `missing` is the NOT_FOUND answered to a non-member. */
export interface OrganizationScope {
  caller: Caller;
  organizationId: string;
  operation: OrganizationOperation;
  missing?: Missing;
}

/**
 * The caller's standing in an organization, or NOT_FOUND: a person's membership, or a key of
 * this very organization (a key of another one learns nothing either).
 */
export async function loadAccess(
  manager: EntityManager,
  anyCaller: Caller,
  organizationId: string,
  missing: Missing = 'ORGANIZATION_NOT_FOUND',
): Promise<OrganizationAccess> {
  const caller = requireKnownCaller(anyCaller);
  if (caller.kind === 'API_KEY') {
    // The query builder, not findOneBy: the find-options path costs more CPU than the query.
    const organization =
      caller.apiKey.organizationId === organizationId
        ? await manager
            .getRepository(OrganizationEntity)
            .createQueryBuilder('o')
            .where('o.id = :organizationId', { organizationId })
            .getOne()
        : null;
    if (!organization) throw fail(missing);
    return { organization, caller, membership: null, role: API_KEY_ROLE };
  }
  const membership = await manager
    .getRepository(TeamMemberEntity)
    .createQueryBuilder('m')
    .innerJoinAndSelect('m.organization', 'o')
    .where('m.organization_id = :organizationId AND m.account_id = :accountId', {
      organizationId,
      accountId: caller.account.id,
    })
    .getOne();
  if (!membership?.organization) throw fail(missing);
  return { organization: membership.organization, caller, membership, role: membership.role };
}

/** Throws FORBIDDEN unless the policy lets the caller (its role, or its key's scopes) do `operation`. */
export function authorize(access: OrganizationAccess, operation: OrganizationOperation): void {
  if (access.caller.kind === 'API_KEY') {
    if (!isAllowedForKey(access.caller.apiKey.scopes, operation)) {
      throw fail('API_KEY_SCOPE_MISSING');
    }
    return;
  }
  if (!isAllowed(access.role, operation)) {
    throw operation === 'organization.leave' && access.role === 'OWNER'
      ? fail('OWNER_CANNOT_LEAVE')
      : fail('ROLE_FORBIDS', { params: { role: access.role } });
  }
}

/** Access loaded and `operation` authorized, outside any transaction (reads). */
export async function accessFor(
  dataSource: DataSource,
  scope: OrganizationScope,
): Promise<OrganizationAccess> {
  const access = await loadAccess(
    dataSource.manager,
    scope.caller,
    scope.organizationId,
    scope.missing,
  );
  authorize(access, scope.operation);
  return access;
}

/**
 * Runs `work` in one transaction that holds the organization's row lock, as a caller allowed
 * to do `operation`. Every change to an organization's team goes through here, so seat counts,
 * the single owner and role checks cannot race (SQLite transactions already take turns).
 */
export function inOrganization<T>(
  dataSource: DataSource,
  scope: OrganizationScope,
  work: (manager: EntityManager, access: OrganizationAccess) => Promise<T>,
): Promise<T> {
  return dataSource.transaction(async (manager) => {
    await lockOrganization(manager, scope.organizationId);
    const access = await loadAccess(manager, scope.caller, scope.organizationId, scope.missing);
    authorize(access, scope.operation);
    return work(manager, access);
  });
}

/** The membership of a person acting in an organization; for person-only operations. */
export function membershipOf(access: OrganizationAccess): TeamMemberEntity {
  if (!access.membership) throw fail('PERSON_REQUIRED');
  return access.membership;
}

/**
 * Takes the organization's row lock for the rest of the transaction (MySQL); every team change
 * takes it first, so they queue instead of deadlocking. SQLite transactions already take turns.
 */
export async function lockOrganization(
  manager: EntityManager,
  organizationId: string,
): Promise<void> {
  if (manager.connection.options.type === 'better-sqlite3') return;
  await manager.query('SELECT `id` FROM `organizations` WHERE `id` = ? FOR UPDATE', [
    organizationId,
  ]);
}
