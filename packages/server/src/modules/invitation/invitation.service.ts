import { MoreThan, type DataSource, type EntityManager } from 'typeorm';
import { newId } from '../../db/columns';
import { badUserInput, fail } from '../../graphql/errors';
import { generateToken, hashToken } from '../../lib/tokens';
import type { Delivery } from '../../messaging/delivery';
import type { DomainEvents } from '../../events/domain-events';
import type { RateLimits } from '../../security/rate-limits';
import { callerKey, requireKnownCaller, type Caller } from '../../caller/caller';
import { AccountEntity } from '../account/account.entity';
import { normalizeEmail } from '../auth/email-address';
import { authorize, inOrganization, type OrganizationAccess } from '../organization/access';
import type { OrganizationEntity } from '../organization/organization.entity';
import type { PlanCatalog } from '../organization/plans';
import { mayGrant, mayManage, type OrganizationOperation } from '../organization/policy';
import { assertSeatAvailable } from '../organization/seats';
import { TeamMemberEntity, type Role } from '../organization/team-member.entity';
import { effectiveStatus, InvitationEntity } from './invitation.entity';

const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const LINK_PROBLEMS = {
  ACCEPTED: 'INVITATION_ACCEPTED',
  REVOKED: 'INVITATION_REVOKED',
  EXPIRED: 'INVITATION_EXPIRED',
} as const;

export interface InviteRequest {
  organizationId: string;
  email: string;
  role: Role;
}

/**
 * Invitations by email: bound to one address, valid 7 days, single use. Seats count pending
 * invitations, so inviting is where the plan's limit is enforced.
 */
export class InvitationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly plans: PlanCatalog,
    private readonly delivery: Delivery,
    private readonly limits: RateLimits,
    private readonly events: DomainEvents,
  ) {}

  /** Pending, unexpired invitations, oldest first. */
  async listPending(access: OrganizationAccess): Promise<InvitationEntity[]> {
    authorize(access, 'member.list');
    return this.dataSource.getRepository(InvitationEntity).find({
      where: {
        organizationId: access.organization.id,
        status: 'PENDING',
        expiresAt: MoreThan(new Date()),
      },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  async invite(caller: Caller, request: InviteRequest): Promise<InvitationEntity> {
    const email = request.email.trim();
    if (request.role === 'OWNER') throw badUserInput({ role: 'INVITATION_ROLE_OWNER' });
    await this.limits.consume('invitationMailPerAccount', callerKey(requireKnownCaller(caller)));
    const token = generateToken();
    return inOrganization(
      this.dataSource,
      { caller, organizationId: request.organizationId, operation: 'member.invite' },
      async (manager, access) => {
        if (!mayGrant(access.role, request.role)) throw fail('INVITATION_ROLE_ABOVE_OWN');
        const emailNormalized = normalizeEmail(email);
        await this.assertNotOnTeam(manager, access.organization.id, emailNormalized);
        await assertSeatAvailable(manager, this.plans, access.organization);
        const now = new Date();
        const created = manager.create(InvitationEntity, {
          id: newId(),
          organizationId: access.organization.id,
          email,
          emailNormalized,
          role: request.role,
          status: 'PENDING',
          tokenHash: hashToken(token),
          invitedByAccountId: caller.kind === 'PERSON' ? caller.account.id : null,
          expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
          acceptedAt: null,
          createdAt: now,
          updatedAt: now,
        });
        await manager.insert(InvitationEntity, created);
        await this.announce(manager, caller, access.organization, created, token, false);
        return created;
      },
    );
  }

  /** A new link and 7 more days; an expired invitation needs a free seat again. */
  async resend(caller: Caller, invitationId: string): Promise<InvitationEntity> {
    await this.limits.consume('invitationMailPerAccount', callerKey(requireKnownCaller(caller)));
    const token = generateToken();
    return this.onInvitation(
      caller,
      invitationId,
      'invitation.resend',
      async (manager, access, found) => {
        const status = effectiveStatus(found);
        if (status === 'ACCEPTED' || status === 'REVOKED') throw fail(LINK_PROBLEMS[status]);
        if (status === 'EXPIRED')
          await assertSeatAvailable(manager, this.plans, access.organization);
        const now = new Date();
        const renewed = {
          status: 'PENDING' as const,
          tokenHash: hashToken(token),
          expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
          updatedAt: now,
        };
        await manager.update(InvitationEntity, { id: found.id }, renewed);
        const invitation = { ...found, ...renewed };
        await this.announce(manager, caller, access.organization, invitation, token, true);
        return invitation;
      },
    );
  }

  /** Withdraws a pending (or expired) invitation; its link stops working at once. */
  revoke(caller: Caller, invitationId: string): Promise<InvitationEntity> {
    return this.onInvitation(
      caller,
      invitationId,
      'invitation.revoke',
      async (manager, _, found) => {
        if (found.status === 'ACCEPTED') throw fail(LINK_PROBLEMS.ACCEPTED);
        if (found.status === 'REVOKED') return found;
        const revoked = { status: 'REVOKED' as const, updatedAt: new Date() };
        await manager.update(InvitationEntity, { id: found.id }, revoked);
        const invitation = { ...found, ...revoked };
        await this.events.emit(manager, {
          type: 'invitation.revoked',
          caller,
          organizationId: invitation.organizationId,
          data: { invitation, previousStatus: effectiveStatus(found) },
        });
        return invitation;
      },
    );
  }

  /** CONFLICT when the address is a member already or has a live invitation; stale ones expire. */
  private async assertNotOnTeam(
    manager: EntityManager,
    organizationId: string,
    emailNormalized: string,
  ): Promise<void> {
    const member = await manager
      .getRepository(TeamMemberEntity)
      .createQueryBuilder('m')
      .innerJoin('m.account', 'a')
      .where('m.organization_id = :organizationId AND a.email_normalized = :emailNormalized', {
        organizationId,
        emailNormalized,
      })
      .getExists();
    if (member) throw fail('INVITEE_ALREADY_MEMBER', { fields: { email: 'ALREADY_MEMBER' } });
    const pending = await manager.find(InvitationEntity, {
      where: { organizationId, emailNormalized, status: 'PENDING' },
    });
    for (const earlier of pending) {
      if (effectiveStatus(earlier) === 'PENDING') {
        throw fail('INVITEE_ALREADY_INVITED', { fields: { email: 'ALREADY_INVITED' } });
      }
      await manager.update(
        InvitationEntity,
        { id: earlier.id },
        { status: 'EXPIRED', updatedAt: new Date() },
      );
    }
  }

  private async onInvitation<T>(
    caller: Caller,
    invitationId: string,
    operation: OrganizationOperation,
    work: (
      manager: EntityManager,
      access: OrganizationAccess,
      invitation: InvitationEntity,
    ) => Promise<T>,
  ): Promise<T> {
    const found = await this.dataSource
      .getRepository(InvitationEntity)
      .findOne({ where: { id: invitationId }, select: { id: true, organizationId: true } });
    if (!found) throw fail('INVITATION_NOT_FOUND');
    return inOrganization(
      this.dataSource,
      { caller, organizationId: found.organizationId, operation, missing: 'INVITATION_NOT_FOUND' },
      async (manager, access) => {
        const invitation = await manager.findOneBy(InvitationEntity, { id: invitationId });
        if (!invitation) throw fail('INVITATION_NOT_FOUND');
        if (!mayManage(access.role, invitation.role)) {
          throw fail('INVITATION_MANAGE_FORBIDDEN', { params: { role: access.role } });
        }
        return work(manager, access, invitation);
      },
    );
  }

  /**
   * Says an invitation went out, in its transaction (its mail goes from the event): in the
   * invitee's language when they have an account, else the inviter's.
   */
  private async announce(
    manager: EntityManager,
    caller: Caller,
    organization: OrganizationEntity,
    invitation: InvitationEntity,
    token: string,
    resent: boolean,
  ): Promise<void> {
    const invitee = await manager.getRepository(AccountEntity).findOne({
      where: { emailNormalized: invitation.emailNormalized },
      select: { id: true, locale: true },
    });
    const inviter = requireKnownCaller(caller);
    await this.events.emit(manager, {
      type: 'member.invited',
      caller,
      organizationId: organization.id,
      data: {
        invitation,
        organizationName: organization.name,
        // A key invites on behalf of the organization itself.
        inviterName: inviter.kind === 'PERSON' ? inviter.account.fullName : organization.name,
        locale: invitee?.locale ?? (inviter.kind === 'PERSON' ? inviter.account.locale : 'en'),
        link: this.delivery.link('/invitations/accept', token),
        resent,
        inviteeAccountId: invitee?.id ?? null,
      },
    });
  }
}
