import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { betweenTransactions } from '../../db/data-source';
import { isForeignKeyViolation } from '../../db/errors';
import type { Clock } from '../../lib/clock';
import { slotOf, type MeteredMetric } from './usage-counter.entity';
import { addToCounters, INCREMENT_BATCH_ROWS, type UsageIncrement } from './usage-counters';

type Pending = UsageIncrement;

/**
 * Usage counted in memory and written in batches: a request adds to a counter, and every
 * `flushEveryMs` one statement per 500 (organization, metric, quarter hour) rows adds the counts to
 * `usage_counters`. So metering costs no database write per request; `stop()` writes
 * what is left, so a SIGTERM loses nothing. Counts that fail to be written are kept for the next
 * flush, except those of an organization that no longer exists.
 */
export class UsageMeter {
  private pending = new Map<string, Pending>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly logger: Logger,
    private readonly clock: Clock,
    private readonly flushEveryMs = 5000,
  ) {}

  /** Adds to the count of the quarter hour holding `at` (the clock's now); no I/O. */
  count(organizationId: string, metric: MeteredMetric, quantity = 1, at = this.clock.now()): void {
    this.add({ organizationId, metric, slotStart: slotOf(at), quantity });
  }

  private add(row: Pending): void {
    const key = `${row.organizationId}|${row.metric}|${row.slotStart.getTime()}`;
    const entry = this.pending.get(key);
    if (entry) entry.quantity += row.quantity;
    else this.pending.set(key, { ...row });
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.flush(), this.flushEveryMs);
    this.timer.unref();
  }

  /** Stops the timer and writes what was counted. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }

  /** Writes the counts so far; one flush at a time. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.write());
    return this.flushing;
  }

  private async write(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    for (let start = 0; start < batch.length; start += INCREMENT_BATCH_ROWS) {
      const rows = batch.slice(start, start + INCREMENT_BATCH_ROWS);
      try {
        await this.insert(rows);
      } catch (error) {
        await this.insertOneByOne(rows, error);
      }
    }
  }

  private insert(rows: Pending[]): Promise<unknown> {
    return betweenTransactions(this.dataSource, () => addToCounters(this.dataSource, rows));
  }

  /** After a failed batch: each row alone, so one deleted organization does not hold up the rest. */
  private async insertOneByOne(rows: Pending[], batchError: unknown): Promise<void> {
    this.logger.warn({ err: batchError, rows: rows.length }, 'usage flush failed; retrying by row');
    for (const row of rows) {
      try {
        await this.insert([row]);
      } catch (error) {
        if (isForeignKeyViolation(error)) continue; // the organization is gone, and its usage
        this.add(row);
        this.logger.warn({ err: error }, 'usage not written; kept for the next flush');
      }
    }
  }
}
