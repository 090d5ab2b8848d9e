import type { DataSource } from 'typeorm';
import type { Clock } from '../../lib/clock';
import { authorize, type OrganizationAccess } from '../organization/access';
import {
  billingCycleAt,
  straightLineForecast,
  type BillingCycle,
} from '../organization/billing-cycle';
import type { PlanCatalog } from '../organization/plans';
import { TeamMemberEntity } from '../organization/team-member.entity';
import { AccountEntity } from '../account/account.entity';
import { UsageCounterEntity } from '../usage/usage-counter.entity';

/** The metrics every organization sees, used or not, in this order; others follow by name. */
export const SHOWN_METRICS = ['API_REQUESTS', 'MINUTES', 'MESSAGES', 'GROUPS'] as const;

/** The cycle that holds `asOf`, the moment the usage below is read at. */
export interface CycleAsOf extends BillingCycle {
  asOf: Date;
}

export interface MetricUsage {
  metric: string;
  quantity: number;
  /** The plan's limit per cycle; null: none. */
  limit: number | null;
  /** A straight line to the end of the cycle; null during its first day. */
  forecast: number | null;
  asOf: Date;
}

/**
 * An organization's current billing cycle (in its owner's time zone, from its anchor day) and
 * its usage in it per metric, with the plan's limits and a forecast. Both read the clock once
 * per request, so the cycle, the usage and its "as of" agree.
 */
export class CycleUsageService {
  private readonly cycles = new WeakMap<OrganizationAccess, Promise<CycleAsOf>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly plans: PlanCatalog,
    private readonly clock: Clock,
  ) {}

  /** The current cycle; anyone who sees the organization may see it (organization.view). */
  cycleOf(access: OrganizationAccess): Promise<CycleAsOf> {
    let cycle = this.cycles.get(access);
    if (!cycle) {
      cycle = this.readCycle(access);
      this.cycles.set(access, cycle);
    }
    return cycle;
  }

  /** Usage per metric this cycle (usage.view: every member, keys with BILLING_READ). */
  async usageOf(access: OrganizationAccess): Promise<MetricUsage[]> {
    authorize(access, 'usage.view');
    const cycle = await this.cycleOf(access);
    const rows = await this.dataSource
      .getRepository(UsageCounterEntity)
      .createQueryBuilder('u')
      .select('u.metric', 'metric')
      .addSelect('SUM(u.quantity)', 'quantity')
      .where('u.organization_id = :organizationId', { organizationId: access.organization.id })
      .andWhere('u.slot_start >= :start AND u.slot_start < :end', {
        start: cycle.start,
        end: cycle.end,
      })
      .groupBy('u.metric')
      .getRawMany<{ metric: string; quantity: string | number }>();
    const used = new Map(rows.map((row) => [row.metric, Number(row.quantity)]));
    const limits = this.plans.limits(access.organization.plan);
    const others = [...new Set([...used.keys(), ...Object.keys(limits)])]
      .filter((metric) => !(SHOWN_METRICS as readonly string[]).includes(metric))
      .sort();
    return [...SHOWN_METRICS, ...others].map((metric) => {
      const quantity = used.get(metric) ?? 0;
      return {
        metric,
        quantity,
        limit: limits[metric] ?? null,
        forecast: straightLineForecast(quantity, cycle, cycle.asOf),
        asOf: cycle.asOf,
      };
    });
  }

  private async readCycle(access: OrganizationAccess): Promise<CycleAsOf> {
    const asOf = this.clock.now();
    const owner = await this.dataSource
      .getRepository(AccountEntity)
      .createQueryBuilder('a')
      .innerJoin(TeamMemberEntity, 'm', 'm.account_id = a.id')
      .where('m.organization_id = :organizationId AND m.role = :role', {
        organizationId: access.organization.id,
        role: 'OWNER',
      })
      .select(['a.id', 'a.timezone'])
      .getOne();
    const cycle = billingCycleAt(
      asOf,
      access.organization.billingAnchorDay,
      owner?.timezone ?? 'UTC',
    );
    return { ...cycle, asOf };
  }
}
