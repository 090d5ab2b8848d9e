import type { DataSource, EntityManager } from 'typeorm';
import type { DomainEvents } from '../../events/domain-events';
import { encodeCursor, type Page, type PageRequest } from '../../graphql/connection';
import { badUserInput, fail } from '../../graphql/errors';
import { authorize, inOrganization, membershipOf, type OrganizationAccess } from './access';
import { snapshotMember } from './organization.events';
import { createOwnOrganization } from './organization.service';
import { mayGrant, mayManage, type OrganizationOperation } from './policy';
import { TeamMemberEntity, type Role } from './team-member.entity';
import type { RecentAuthentication } from '../auth/recent-auth';
import { requirePerson, type Caller } from '../../caller/caller';

/**
 * The team of an organization: listing members, changing roles, removing, leaving and
 * transferring ownership. Exactly one OWNER at all times; it changes only by transfer.
 */
export class MembershipService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly recentAuth: RecentAuthentication,
    private readonly events: DomainEvents,
  ) {}

  /** A page of members with their accounts, in joining order: one query, whatever the size. */
  async listMembers(
    access: OrganizationAccess,
    page: PageRequest,
  ): Promise<Page<TeamMemberEntity> & { cursorOf: (member: TeamMemberEntity) => string }> {
    authorize(access, 'member.list');
    const query = this.dataSource
      .getRepository(TeamMemberEntity)
      .createQueryBuilder('m')
      .innerJoin('m.account', 'a')
      .addSelect(['a.id', 'a.fullName', 'a.email'])
      .where('m.organization_id = :organizationId', { organizationId: access.organization.id })
      .orderBy('m.id', 'ASC')
      .limit(page.first + 1);
    if (page.afterKey) query.andWhere('m.id > :after', { after: page.afterKey });
    const rows = await query.getMany();
    return {
      nodes: rows.slice(0, page.first),
      hasNextPage: rows.length > page.first,
      cursorOf: (member) => encodeCursor(member.id),
    };
  }

  async changeRole(caller: Caller, memberId: string, role: Role): Promise<TeamMemberEntity> {
    return this.onMember(caller, memberId, 'member.changeRole', async (manager, access, target) => {
      const actor = access.role;
      if (!mayManage(actor, target.role)) {
        throw fail('ROLE_CANNOT_CHANGE_ROLE', { params: { role: actor, targetRole: target.role } });
      }
      if (target.role === 'OWNER') throw fail('OWNER_CANNOT_BE_DEMOTED');
      if (role === 'OWNER') throw badUserInput({ role: 'OWNERSHIP_ONLY_BY_TRANSFER' });
      if (!mayGrant(actor, role)) throw fail('ROLE_ABOVE_OWN');
      await manager.update(TeamMemberEntity, { id: target.id }, { role });
      await this.roleChanged(manager, caller, target, role);
      return { ...target, role };
    });
  }

  /**
   * Removes a member; an account left without any organization gets a new one of its own.
   * Needs a recent re-authentication (asked only of those allowed to remove at all).
   */
  async remove(caller: Caller, memberId: string): Promise<boolean> {
    return this.onMember(caller, memberId, 'member.remove', async (manager, access, target) => {
      this.recentAuth.require(requirePerson(caller).session);
      const actor = access.role;
      if (!mayManage(actor, target.role)) {
        throw fail('ROLE_CANNOT_REMOVE', { params: { role: actor, targetRole: target.role } });
      }
      if (target.role === 'OWNER') throw fail('OWNER_CANNOT_BE_REMOVED');
      await manager.delete(TeamMemberEntity, { id: target.id });
      if (target.account && !(await hasAnyOrganization(manager, target.accountId))) {
        await createOwnOrganization(manager, target.account);
      }
      await this.events.emit(manager, {
        type: 'member.removed',
        caller,
        accountId: target.accountId,
        organizationId: target.organizationId,
        data: { member: snapshotMember(target, target.account), left: false },
      });
      return true;
    });
  }

  /** Leaves an organization; not the owner (policy) and not one's only organization. */
  leave(caller: Caller, organizationId: string): Promise<boolean> {
    return inOrganization(
      this.dataSource,
      { caller, organizationId, operation: 'organization.leave' },
      async (manager, access) => {
        const membership = membershipOf(access);
        await manager.delete(TeamMemberEntity, { id: membership.id });
        if (!(await hasAnyOrganization(manager, membership.accountId))) {
          throw fail('ONLY_ORGANIZATION');
        }
        await this.events.emit(manager, {
          type: 'member.removed',
          caller,
          accountId: membership.accountId,
          organizationId,
          data: { member: snapshotMember(membership, requirePerson(caller).account), left: true },
        });
        return true;
      },
    );
  }

  /** Makes another member the OWNER; the previous owner stays on as ADMIN. Needs sudo mode. */
  transferOwnership(caller: Caller, memberId: string): Promise<TeamMemberEntity> {
    return this.onMember(
      caller,
      memberId,
      'organization.transferOwnership',
      async (manager, access, target) => {
        this.recentAuth.require(requirePerson(caller).session);
        const own = membershipOf(access);
        if (target.id === own.id) throw badUserInput({ memberId: 'ALREADY_OWNER' });
        await manager.update(TeamMemberEntity, { id: own.id }, { role: 'ADMIN' });
        await manager.update(TeamMemberEntity, { id: target.id }, { role: 'OWNER' });
        await this.roleChanged(
          manager,
          caller,
          { ...own, account: requirePerson(caller).account },
          'ADMIN',
        );
        await this.roleChanged(manager, caller, target, 'OWNER');
        return { ...target, role: 'OWNER' };
      },
    );
  }

  private roleChanged(
    manager: EntityManager,
    caller: Caller,
    member: TeamMemberEntity,
    role: Role,
  ): Promise<void> {
    return this.events.emit(manager, {
      type: 'member.role_changed',
      caller,
      accountId: member.accountId,
      organizationId: member.organizationId,
      data: {
        member: snapshotMember({ ...member, role }, member.account),
        previousRole: member.role,
      },
    });
  }

  /**
   * Runs `work` on a member of an organization the caller belongs to, under the organization's
   * lock. Another organization's member id is NOT_FOUND, like one that does not exist.
   */
  private async onMember<T>(
    caller: Caller,
    memberId: string,
    operation: OrganizationOperation,
    work: (
      manager: EntityManager,
      access: OrganizationAccess,
      target: TeamMemberEntity,
    ) => Promise<T>,
  ): Promise<T> {
    const found = await this.dataSource
      .getRepository(TeamMemberEntity)
      .findOne({ where: { id: memberId }, select: { id: true, organizationId: true } });
    if (!found) throw fail('MEMBER_NOT_FOUND');
    return inOrganization(
      this.dataSource,
      { caller, organizationId: found.organizationId, operation, missing: 'MEMBER_NOT_FOUND' },
      async (manager, access) => {
        const target = await manager.findOne(TeamMemberEntity, {
          where: { id: memberId, organizationId: found.organizationId },
          relations: { account: true },
        });
        if (!target) throw fail('MEMBER_NOT_FOUND');
        return work(manager, access, target);
      },
    );
  }
}

async function hasAnyOrganization(manager: EntityManager, accountId: string): Promise<boolean> {
  return manager.exists(TeamMemberEntity, { where: { accountId } });
}
