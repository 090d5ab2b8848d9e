import { defineModule } from '../../core/module';
import { UsageCounterEntity } from './usage-counter.entity';
import { UsageMeter } from './usage-meter';

declare module '../../core/module' {
  interface Services {
    /** Counts metered usage in memory; app.ts starts it and flushes it at shutdown. */
    usageMeter: UsageMeter;
  }
}

/** Organization usage per metric and day, metered in memory and written in batches. */
export const usageModule = defineModule({
  name: 'usage',
  entities: [UsageCounterEntity],
  services: ({ dataSource, logger }) => ({ usageMeter: new UsageMeter(dataSource, logger) }),
});
