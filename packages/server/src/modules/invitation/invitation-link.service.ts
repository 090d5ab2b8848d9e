import type { DataSource } from 'typeorm';
import type { PersonCaller } from '../../caller/caller';
import type { DomainEvents } from '../../events/domain-events';
import { newId } from '../../db/columns';
import { isUniqueViolation } from '../../db/errors';
import { badUserInput, fail } from '../../graphql/errors';
import { hashToken } from '../../lib/tokens';
import type { RateLimits } from '../../security/rate-limits';
import { lockOrganization } from '../organization/access';
import { snapshotMember } from '../organization/organization.events';
import { TeamMemberEntity } from '../organization/team-member.entity';
import { effectiveStatus, InvitationEntity } from './invitation.entity';
import { LINK_PROBLEMS } from './invitation.service';
import type { InvitationPreview } from './invitation.type';

/** The invitee's side of an invitation: what a link is for, and accepting it. */
export class InvitationLinkService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly limits: RateLimits,
    private readonly events: DomainEvents,
  ) {}

  /**
   * Joins the organization through a mailed link, as the signed-in account the invitation was
   * sent to. Using the invitation up is a conditional update that must change exactly one row,
   * in the same transaction as the new membership: of parallel acceptances, one wins.
   */
  async accept(caller: PersonCaller, token: string): Promise<TeamMemberEntity> {
    const { account } = caller;
    const invitation = await this.findByToken(token, caller.client.ip);
    const status = effectiveStatus(invitation);
    if (status !== 'PENDING') throw badUserInput({ token: LINK_PROBLEMS[status] });
    if (invitation.emailNormalized !== account.emailNormalized) {
      throw fail('INVITATION_FOR_ANOTHER_EMAIL');
    }
    try {
      return await this.dataSource.transaction(async (manager) => {
        await lockOrganization(manager, invitation.organizationId);
        const now = new Date();
        const used = await manager
          .createQueryBuilder()
          .update(InvitationEntity)
          .set({ status: 'ACCEPTED', acceptedAt: now, updatedAt: now })
          .where('id = :id AND status = :pending AND expires_at > :now', {
            id: invitation.id,
            pending: 'PENDING',
            now,
          })
          .execute();
        if ((used.affected ?? 0) !== 1) throw badUserInput({ token: LINK_PROBLEMS.ACCEPTED });
        const member = manager.create(TeamMemberEntity, {
          id: newId(),
          organizationId: invitation.organizationId,
          accountId: account.id,
          role: invitation.role,
          createdAt: now,
        });
        await manager.insert(TeamMemberEntity, member);
        await this.events.emit(manager, {
          type: 'member.joined',
          caller,
          accountId: account.id,
          organizationId: member.organizationId,
          data: { member: snapshotMember(member, account) },
        });
        return { ...member, account };
      });
    } catch (error) {
      if (isUniqueViolation(error, 'uq_team_members_org_account')) {
        throw fail('ALREADY_IN_ORGANIZATION');
      }
      throw error;
    }
  }

  /** What an invitation link is for, to show before accepting; null for an unknown link. */
  async preview(token: string, ip: string | null): Promise<InvitationPreview | null> {
    const invitation = await this.lookUp(token, ip);
    if (!invitation) return null;
    const withNames = await this.dataSource.getRepository(InvitationEntity).findOneOrFail({
      where: { id: invitation.id },
      relations: { organization: true, invitedBy: true },
    });
    return {
      organizationName: withNames.organization?.name ?? '',
      invitedByName: withNames.invitedBy?.fullName ?? null,
      email: invitation.email,
      role: invitation.role,
      status: effectiveStatus(invitation),
      expiresAt: invitation.expiresAt,
    };
  }

  private async findByToken(token: string, ip: string | null): Promise<InvitationEntity> {
    const invitation = await this.lookUp(token, ip);
    if (!invitation) throw badUserInput({ token: 'INVITATION_LINK_INVALID' });
    return invitation;
  }

  /** Every look-up by token counts against the caller's IP: tokens are not to be guessed. */
  private async lookUp(token: string, ip: string | null): Promise<InvitationEntity | null> {
    await this.limits.consume('tokenAttemptPerIp', ip ?? 'unknown');
    if (!token || token.length > 128) return null;
    return this.dataSource
      .getRepository(InvitationEntity)
      .findOneBy({ tokenHash: hashToken(token) });
  }
}
