import { z } from 'zod';
import { defineModule } from '../../core/module';
import { defineJob } from '../../jobs/define-job';
import { Clock } from '../../lib/clock';
import { UsageCounterEntity } from './usage-counter.entity';
import { UsageMeter } from './usage-meter';
import { UsageReportEntity } from './usage-report.entity';
import { UsageReportService } from './usage-report.service';
import { UsageResolver } from './usage.resolver';

declare module '../../core/module' {
  interface Services {
    /** The time usage is counted in and read for; tests set it to cross cycle boundaries. */
    usageClock: Clock;
    /** Counts metered usage in memory; app.ts starts it and flushes it at shutdown. */
    usageMeter: UsageMeter;
    /** Usage that services report (reportUsage), once per idempotency key. */
    usageReports: UsageReportService;
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** How long a report's idempotency key guards against a retry: longer than any cycle. */
export const USAGE_REPORT_KEPT_DAYS = 35;

/**
 * Organization usage per metric and quarter hour: API requests metered in memory and written in
 * batches, and what services report.
 */
export const usageModule = defineModule({
  name: 'usage',
  entities: [UsageCounterEntity, UsageReportEntity],
  resolvers: [UsageResolver],
  services: ({ dataSource, logger, events }) => {
    const usageClock = new Clock();
    return {
      usageClock,
      usageMeter: new UsageMeter(dataSource, logger, usageClock),
      usageReports: new UsageReportService(dataSource, events, usageClock),
    };
  },
  jobs: ({ usageReports, usageClock }) => {
    const prune = defineJob({
      kind: 'usage_reports.prune',
      payload: z.object({}),
      async handler(_payload, { log }) {
        const before = new Date(usageClock.now().getTime() - USAGE_REPORT_KEPT_DAYS * DAY_MS);
        const deleted = await usageReports.prune(before);
        if (deleted > 0) log.info({ deleted }, 'pruned old usage reports');
      },
      maxAttempts: 3,
      backoff: () => 60_000,
    });
    return { kinds: [prune], schedules: [{ job: prune, everyMs: DAY_MS, payload: {} }] };
  },
});
