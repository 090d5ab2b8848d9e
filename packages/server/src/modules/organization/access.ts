import type { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../../graphql/errors';
import type { OrganizationEntity } from './organization.entity';
import { isAllowed, type OrganizationOperation } from './policy';
import { TeamMemberEntity } from './team-member.entity';

/**
 * Proof that the caller is a member of the organization, read from the database on this
 * request (no cache: a role change or removal counts on the very next request, on any
 * instance). Only `loadAccess` makes one.
 */
export interface OrganizationAccess {
  readonly organization: OrganizationEntity;
  readonly membership: TeamMemberEntity;
}

/** What a non-member gets for anything of an organization: nothing to learn from. */
export const notFound = (what = 'organization'): AppError =>
  new AppError('NOT_FOUND', `No such ${what}`);

export const forbidden = (message: string): AppError => new AppError('FORBIDDEN', message);

/** Who asks to do what where; `missing` names the NOT_FOUND (`member` for a member id). */
export interface OrganizationScope {
  accountId: string;
  organizationId: string;
  operation: OrganizationOperation;
  missing?: string;
}

/** The caller's membership with its organization, or NOT_FOUND. */
export async function loadAccess(
  manager: EntityManager,
  accountId: string,
  organizationId: string,
  missing = 'organization',
): Promise<OrganizationAccess> {
  const membership = await manager
    .getRepository(TeamMemberEntity)
    .createQueryBuilder('m')
    .innerJoinAndSelect('m.organization', 'o')
    .where('m.organization_id = :organizationId AND m.account_id = :accountId', {
      organizationId,
      accountId,
    })
    .getOne();
  if (!membership?.organization) throw notFound(missing);
  return { organization: membership.organization, membership };
}

/** Throws FORBIDDEN unless the policy lets the caller's role do `operation`. */
export function authorize(access: OrganizationAccess, operation: OrganizationOperation): void {
  if (!isAllowed(access.membership.role, operation)) {
    throw forbidden(
      operation === 'organization.leave' && access.membership.role === 'OWNER'
        ? 'The owner cannot leave; transfer ownership first'
        : `Your role (${access.membership.role}) does not allow this`,
    );
  }
}

/** Membership loaded and `operation` authorized, outside any transaction (reads). */
export async function accessFor(
  dataSource: DataSource,
  scope: OrganizationScope,
): Promise<OrganizationAccess> {
  const access = await loadAccess(
    dataSource.manager,
    scope.accountId,
    scope.organizationId,
    scope.missing,
  );
  authorize(access, scope.operation);
  return access;
}

/**
 * Runs `work` in one transaction that holds the organization's row lock, as a member allowed
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
    const access = await loadAccess(manager, scope.accountId, scope.organizationId, scope.missing);
    authorize(access, scope.operation);
    return work(manager, access);
  });
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
