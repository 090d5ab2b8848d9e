import type { Logger } from 'pino';
import type { JobDefinition } from './define-job';
import type { JobQueue } from './job-queue';

/** A job to run once every `everyMs`, counted in periods from the Unix epoch. */
export interface Schedule<P> {
  job: JobDefinition<P>;
  everyMs: number;
  payload: P;
}

/** A schedule of whatever payload; each payload was typed against its own job where written. */
export type AnySchedule = Schedule<unknown>;

/** The idempotency key of one period's run: the kind and when the period started. */
export function periodKey(schedule: AnySchedule, periodStart: Date): string {
  return `${schedule.job.kind}@${periodStart.toISOString()}`;
}

/**
 * Periodic work, once per period across all instances without a leader: at the start of each
 * period every instance enqueues the job with the period's idempotency key; the first insert
 * wins and the others change nothing. A period in which no instance was up is skipped.
 */
export class JobScheduler {
  private readonly timers = new Map<AnySchedule, NodeJS.Timeout>();

  constructor(
    private readonly queue: JobQueue,
    private readonly schedules: readonly AnySchedule[],
    private readonly logger: Logger,
  ) {
    for (const schedule of schedules) {
      if (!Number.isInteger(schedule.everyMs) || schedule.everyMs < 1) {
        throw new Error(`schedule of ${schedule.job.kind}: everyMs must be a positive integer`);
      }
    }
  }

  /** Enqueues the current period of each schedule (if nobody has yet), then each next one. */
  start(): void {
    for (const schedule of this.schedules) {
      if (!this.timers.has(schedule)) this.tick(schedule);
    }
  }

  stop(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private tick(schedule: AnySchedule): void {
    const now = Date.now();
    const periodStart = new Date(now - (now % schedule.everyMs));
    this.queue
      .enqueueNow(schedule.job, schedule.payload, {
        runAt: periodStart,
        idempotencyKey: periodKey(schedule, periodStart),
      })
      .catch((error: unknown) =>
        this.logger.warn({ err: error, kind: schedule.job.kind }, 'could not schedule a job'),
      );
    const timer = setTimeout(
      () => this.tick(schedule),
      periodStart.getTime() + schedule.everyMs - now,
    );
    timer.unref();
    this.timers.set(schedule, timer);
  }
}
