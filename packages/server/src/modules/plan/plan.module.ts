import { defineModule, requireService } from '../../core/module';
import { CycleUsageService } from './cycle-usage.service';
import { PlanResolver } from './plan.resolver';
import { PlanService } from './plan.service';

declare module '../../core/module' {
  interface Services {
    /** The plan catalog and changing plan. */
    planChanges: PlanService;
    /** The current billing cycle and the usage in it. */
    cycleUsage: CycleUsageService;
  }
}

/** Plans, billing cycles and usage per cycle (reported usage and metering are `usage`'s). */
export const planModule = defineModule({
  name: 'plan',
  resolvers: [PlanResolver],
  services: ({ dataSource, events }, built) => {
    const plans = requireService(built, 'plans', 'plan');
    return {
      planChanges: new PlanService(dataSource, plans, events),
      cycleUsage: new CycleUsageService(
        dataSource,
        plans,
        requireService(built, 'usageClock', 'plan'),
      ),
    };
  },
});
