import { MoreThan, type EntityManager } from 'typeorm';
import { fail } from '../../graphql/errors';
import { InvitationEntity } from '../invitation/invitation.entity';
import type { OrganizationEntity } from './organization.entity';
import type { PlanCatalog } from './plans';
import { TeamMemberEntity } from './team-member.entity';

export interface SeatUsage {
  /** null: unlimited. */
  limit: number | null;
  /** Members plus pending (unexpired) invitations. */
  used: number;
}

export async function seatUsage(
  manager: EntityManager,
  plans: PlanCatalog,
  organization: OrganizationEntity,
): Promise<SeatUsage> {
  const members = await manager.countBy(TeamMemberEntity, { organizationId: organization.id });
  const pending = await manager.countBy(InvitationEntity, {
    organizationId: organization.id,
    status: 'PENDING',
    expiresAt: MoreThan(new Date()),
  });
  return { limit: plans.seatLimit(organization.plan), used: members + pending };
}

/** PLAN_LIMIT_REACHED, with the limit, when one more seat would exceed the plan. */
export async function assertSeatAvailable(
  manager: EntityManager,
  plans: PlanCatalog,
  organization: OrganizationEntity,
): Promise<void> {
  const { limit, used } = await seatUsage(manager, plans, organization);
  if (limit !== null && used + 1 > limit) {
    throw fail('SEATS_FULL', {
      params: { plan: organization.plan, limit },
      extensions: { limit, used },
    });
  }
}
