import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { AnyJobDefinition } from './define-job';
import { JobLeases, type HeldJob } from './job-leases';
import type { JobQueue } from './job-queue';
import { describeError, retryDelay, runJob, type Outcome } from './run-job';

export interface JobRunnerOptions {
  /** How often to look for due work when nothing woke the runner sooner: the guarantee. */
  pollIntervalMs?: number;
  /** How long stop() waits for running handlers before handing their jobs back. */
  shutdownGraceMs?: number;
}

interface RunningJob {
  job: HeldJob;
  abort: AbortController;
  done: Promise<void>;
}

const DEFAULT_POLL_INTERVAL_MS = 1000;
const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;
const RECORD_ATTEMPTS = 3;

/**
 * Runs jobs on this instance; every instance has one. It claims due jobs of each kind up to the
 * kind's free concurrency, runs their handlers, and records the outcome. It looks every poll
 * interval, and sooner when this process enqueues something or a handler frees a slot.
 * Handler errors stop here: they become a retry or a dead letter, never anyone else's failure.
 */
export class JobRunner {
  readonly instanceId = `${hostname().slice(0, 40)}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private readonly leases: JobLeases;
  private readonly running = new Map<string, RunningJob>();
  private readonly runningPerKind = new Map<string, number>();
  private readonly pollIntervalMs: number;
  private readonly shutdownGraceMs: number;
  private accepting = false;
  private timer: NodeJS.Timeout | null = null;
  private stopListening: (() => void) | null = null;
  private claiming: Promise<void> | null = null;
  private claimAgain = false;
  private claims = 0;

  constructor(
    dataSource: DataSource,
    private readonly queue: JobQueue,
    private readonly kinds: readonly AnyJobDefinition[],
    private readonly logger: Logger,
    options: JobRunnerOptions = {},
  ) {
    const names = kinds.map((kind) => kind.kind);
    const twice = names.find((name, index) => names.indexOf(name) !== index);
    if (twice) throw new Error(`job kind ${twice} is defined twice`);
    this.leases = new JobLeases(dataSource);
    this.pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
    this.shutdownGraceMs = options.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS;
  }

  start(): void {
    if (this.accepting) return;
    this.accepting = true;
    this.stopListening = this.queue.onWorkAdded(() => this.poll());
    this.timer = setInterval(() => this.poll(), this.pollIntervalMs);
    this.timer.unref();
    this.poll();
  }

  /**
   * Graceful shutdown: claims nothing more, waits up to `graceMs` for the running handlers, then
   * hands back (PENDING, lease cleared, attempt not counted) the jobs still running, so another
   * instance takes them at once instead of after their lease.
   */
  async stop(graceMs = this.shutdownGraceMs): Promise<void> {
    this.accepting = false;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.stopListening?.();
    this.stopListening = null;
    // A claim under way launches what it took; those are waited for like the others.
    await this.claiming;
    if (await this.allFinishWithin(graceMs)) return;
    for (const { job, abort } of [...this.running.values()]) {
      abort.abort(new Error('the instance is stopping'));
      const log = this.jobLog(job);
      if (await this.record(log, () => this.leases.release(job)))
        log.warn('job still running at shutdown; handed back for another instance');
    }
  }

  /** Looks for due work now; a call during a claim makes that claim go round once more. */
  poll(): void {
    if (!this.accepting) return;
    if (this.claiming) {
      this.claimAgain = true;
      return;
    }
    this.claiming = this.claimAndLaunch().finally(() => {
      this.claiming = null;
      if (this.claimAgain) {
        this.claimAgain = false;
        this.poll();
      }
    });
  }

  /** Handlers running on this instance now. */
  get runningCount(): number {
    return this.running.size;
  }

  private async claimAndLaunch(): Promise<void> {
    const free = (kind: AnyJobDefinition) =>
      kind.concurrency - (this.runningPerKind.get(kind.kind) ?? 0);
    const hungry = this.kinds.filter((kind) => free(kind) > 0);
    if (hungry.length === 0) return;
    try {
      const withWork = await this.leases.kindsWithWork(hungry.map((kind) => kind.kind));
      for (const kind of hungry) {
        if (!withWork.has(kind.kind) || !this.accepting) continue;
        this.claims += 1;
        const owner = `${this.instanceId}/${this.claims}`;
        const held = await this.leases.claim(kind.kind, free(kind), owner, kind.leaseMs);
        for (const job of held) this.launch(kind, job);
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'claiming jobs failed; will poll again');
    }
  }

  private launch(kind: AnyJobDefinition, job: HeldJob): void {
    const abort = new AbortController();
    const log = this.jobLog(job);
    let renewing = Promise.resolve();
    const renewal = setInterval(() => {
      renewing = renewing.then(() => this.renew(kind, job, abort, log));
    }, kind.leaseMs / 3);
    renewal.unref();
    this.runningPerKind.set(kind.kind, (this.runningPerKind.get(kind.kind) ?? 0) + 1);
    const done = runJob(kind, job, abort.signal, log)
      .then(async (outcome) => {
        // A renewal landing after the outcome would find the lease gone and cry wolf.
        clearInterval(renewal);
        await renewing;
        await this.recordOutcome(kind, job, outcome, log);
      })
      .finally(() => {
        clearInterval(renewal);
        this.running.delete(job.id);
        this.runningPerKind.set(kind.kind, (this.runningPerKind.get(kind.kind) ?? 1) - 1);
        this.poll();
      });
    this.running.set(job.id, { job, abort, done });
  }

  private async recordOutcome(
    kind: AnyJobDefinition,
    job: HeldJob,
    outcome: Outcome,
    log: Logger,
  ): Promise<void> {
    if ('succeeded' in outcome) {
      await this.record(log, () => this.leases.succeed(job));
    } else if ('buried' in outcome) {
      log.error({ reason: outcome.buried }, 'job dead-lettered without running');
      await this.record(log, () => this.leases.bury(job, outcome.buried));
    } else {
      await this.recordFailure(kind, job, outcome.failed, log);
    }
  }

  private async recordFailure(
    kind: AnyJobDefinition,
    job: HeldJob,
    error: unknown,
    log: Logger,
  ): Promise<void> {
    const reason = describeError(error);
    if (job.attempts >= kind.maxAttempts) {
      log.error({ err: reason }, 'job dead-lettered after its last attempt');
      await this.record(log, () => this.leases.bury(job, reason));
      return;
    }
    const delayMs = retryDelay(kind, job.attempts, error);
    log.warn({ err: reason, retryInMs: delayMs }, 'job failed; will retry');
    await this.record(log, () => this.leases.retryAt(job, new Date(Date.now() + delayMs), reason));
  }

  private async renew(
    kind: AnyJobDefinition,
    job: HeldJob,
    abort: AbortController,
    log: Logger,
  ): Promise<void> {
    if (!(await this.record(log, () => this.leases.renew(job, kind.leaseMs)))) {
      abort.abort(new Error('the job lease was lost'));
    }
  }

  /**
   * Writes an outcome (or a renewal) of a held job; false when the lease is no longer ours.
   * A write that keeps failing (a deadlock, the database away) is logged and left to the lease:
   * it expires and the job runs again, so a few quick retries spare a duplicate run.
   */
  private async record(log: Logger, write: () => Promise<boolean>): Promise<boolean> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const stillOurs = await write();
        if (!stillOurs)
          log.warn('job lease lost: another instance holds it, or it was handed back');
        return stillOurs;
      } catch (error) {
        if (attempt >= RECORD_ATTEMPTS) {
          log.warn({ err: error }, 'could not record job state; it runs again after its lease');
          return false;
        }
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  }

  private async allFinishWithin(graceMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const finished = Promise.all([...this.running.values()].map((running) => running.done));
    const timedOut = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), graceMs);
    });
    try {
      return await Promise.race([finished.then(() => true), timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  private jobLog(job: HeldJob): Logger {
    return this.logger.child({ jobId: job.id, kind: job.kind, attempt: job.attempts });
  }
}
