import { MoreThan, type DataSource, type EntityManager } from 'typeorm';
import { newId } from '../../db/columns';
import { badUserInput, conflict } from '../../graphql/errors';
import { generateToken, hashToken } from '../../lib/tokens';
import type { Delivery } from '../../messaging/delivery';
import { renderMail, ROLE_LABELS, toLocale } from '../../messaging/templates';
import type { RateLimits } from '../../security/rate-limits';
import { AccountEntity } from '../account/account.entity';
import { normalizeEmail } from '../auth/auth.service';
import {
  authorize,
  forbidden,
  inOrganization,
  notFound,
  type OrganizationAccess,
} from '../organization/access';
import type { OrganizationEntity } from '../organization/organization.entity';
import type { PlanCatalog } from '../organization/plans';
import { mayGrant, mayManage, type OrganizationOperation } from '../organization/policy';
import { assertSeatAvailable } from '../organization/seats';
import { TeamMemberEntity, type Role } from '../organization/team-member.entity';
import { effectiveStatus, InvitationEntity } from './invitation.entity';

const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const LINK_PROBLEMS = {
  ACCEPTED: 'This invitation was already accepted',
  REVOKED: 'This invitation was revoked',
  EXPIRED: 'This invitation has expired; ask for a new one',
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
  ) {}

  /** Pending, unexpired invitations, oldest first. */
  async listPending(access: OrganizationAccess): Promise<InvitationEntity[]> {
    authorize(access, 'organization.view');
    return this.dataSource.getRepository(InvitationEntity).find({
      where: {
        organizationId: access.organization.id,
        status: 'PENDING',
        expiresAt: MoreThan(new Date()),
      },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  async invite(inviter: AccountEntity, request: InviteRequest): Promise<InvitationEntity> {
    const email = request.email.trim();
    if (request.role === 'OWNER') {
      throw badUserInput({ role: 'Invite as ADMIN or below; ownership moves only by transfer' });
    }
    await this.limits.consume('invitationMailPerAccount', inviter.id);
    const token = generateToken();
    const invitation = await inOrganization(
      this.dataSource,
      { accountId: inviter.id, organizationId: request.organizationId, operation: 'member.invite' },
      async (manager, access) => {
        if (!mayGrant(access.membership.role, request.role)) {
          throw forbidden('Nobody can invite someone with a role above their own');
        }
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
          invitedByAccountId: inviter.id,
          expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
          acceptedAt: null,
          createdAt: now,
          updatedAt: now,
        });
        await manager.insert(InvitationEntity, created);
        await this.mailInvitation(manager, inviter, access.organization, created, token);
        return created;
      },
    );
    return invitation;
  }

  /** A new link and 7 more days; an expired invitation needs a free seat again. */
  async resend(inviter: AccountEntity, invitationId: string): Promise<InvitationEntity> {
    await this.limits.consume('invitationMailPerAccount', inviter.id);
    const token = generateToken();
    return this.onInvitation(
      inviter.id,
      invitationId,
      'invitation.resend',
      async (manager, access, found) => {
        const status = effectiveStatus(found);
        if (status === 'ACCEPTED' || status === 'REVOKED') throw conflict(LINK_PROBLEMS[status]);
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
        await this.mailInvitation(manager, inviter, access.organization, invitation, token);
        return invitation;
      },
    );
  }

  /** Withdraws a pending (or expired) invitation; its link stops working at once. */
  revoke(accountId: string, invitationId: string): Promise<InvitationEntity> {
    return this.onInvitation(
      accountId,
      invitationId,
      'invitation.revoke',
      async (manager, _, found) => {
        if (found.status === 'ACCEPTED') throw conflict(LINK_PROBLEMS.ACCEPTED);
        if (found.status === 'REVOKED') return found;
        const revoked = { status: 'REVOKED' as const, updatedAt: new Date() };
        await manager.update(InvitationEntity, { id: found.id }, revoked);
        return { ...found, ...revoked };
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
    if (member) {
      throw conflict('This person is already a member', { email: 'Already a member' });
    }
    const pending = await manager.find(InvitationEntity, {
      where: { organizationId, emailNormalized, status: 'PENDING' },
    });
    for (const earlier of pending) {
      if (effectiveStatus(earlier) === 'PENDING') {
        throw conflict('This address has a pending invitation; resend it instead', {
          email: 'Already invited',
        });
      }
      await manager.update(
        InvitationEntity,
        { id: earlier.id },
        { status: 'EXPIRED', updatedAt: new Date() },
      );
    }
  }

  private async onInvitation<T>(
    accountId: string,
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
    if (!found) throw notFound('invitation');
    return inOrganization(
      this.dataSource,
      { accountId, organizationId: found.organizationId, operation, missing: 'invitation' },
      async (manager, access) => {
        const invitation = await manager.findOneBy(InvitationEntity, { id: invitationId });
        if (!invitation) throw notFound('invitation');
        if (!mayManage(access.membership.role, invitation.role)) {
          throw forbidden(`As ${access.membership.role} you cannot manage this invitation`);
        }
        return work(manager, access, invitation);
      },
    );
  }

  /**
   * Queued in the invitation's transaction, so it goes out if and only if the invitation
   * commits; in the invitee's language when they have an account, else the inviter's.
   */
  private async mailInvitation(
    manager: EntityManager,
    inviter: AccountEntity,
    organization: OrganizationEntity,
    invitation: InvitationEntity,
    token: string,
  ): Promise<void> {
    const invitee = await manager.getRepository(AccountEntity).findOne({
      where: { emailNormalized: invitation.emailNormalized },
      select: { locale: true },
    });
    const locale = toLocale(invitee?.locale ?? inviter.locale);
    await this.delivery.mail(
      renderMail('teamInvitation', locale, invitation.email, {
        name: inviter.fullName,
        organization: organization.name,
        role: ROLE_LABELS[locale][invitation.role],
        link: this.delivery.link('/invitations/accept', token),
      }),
      manager,
    );
  }
}
