import type { DataSource } from 'typeorm';
import type { Caller } from '../../caller/caller';
import type { DomainEvents } from '../../events/domain-events';
import { badUserInput, fail } from '../../graphql/errors';
import { inOrganization, type OrganizationAccess } from '../organization/access';
import { OrganizationEntity } from '../organization/organization.entity';
import { planName, type PlanCatalog, type PlanDefinition } from '../organization/plans';
import { seatUsage } from '../organization/seats';
import './plan.events';

/** The plan catalog, and moving an organization to another plan. */
export class PlanService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly plans: PlanCatalog,
    private readonly events: DomainEvents,
  ) {}

  list(): PlanDefinition[] {
    return this.plans.list();
  }

  /**
   * OWNER only. Refused with PLAN_LIMIT_REACHED when members plus pending invitations exceed
   * the new plan's seats, counted under the organization's lock (an invitation cannot slip in
   * between). The same plan again changes nothing and says nothing. The billing cycle stays.
   */
  change(caller: Caller, organizationId: string, plan: string): Promise<OrganizationAccess> {
    if (!this.plans.has(plan)) throw badUserInput({ plan: 'PLAN_UNKNOWN' });
    return inOrganization(
      this.dataSource,
      { caller, organizationId, operation: 'plan.change' },
      async (manager, access) => {
        const previousPlan = access.organization.plan;
        if (previousPlan === plan) return access;
        const limit = this.plans.seatLimit(plan);
        const { used } = await seatUsage(manager, this.plans, access.organization);
        if (limit !== null && used > limit) {
          throw fail('PLAN_SEATS_TOO_FEW', {
            params: { plan: planName(plan), limit, used },
            extensions: { limit, used },
          });
        }
        const updatedAt = new Date();
        await manager.update(OrganizationEntity, { id: organizationId }, { plan, updatedAt });
        await this.events.emit(manager, {
          type: 'plan.changed',
          caller,
          organizationId,
          data: { previousPlan, plan },
        });
        return { ...access, organization: { ...access.organization, plan, updatedAt } };
      },
    );
  }
}
