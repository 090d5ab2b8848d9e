import { LessThan, type DataSource, type EntityManager } from 'typeorm';
import { afterCommit } from '../events/after-commit';
import { newId } from '../db/columns';
import { betweenTransactions } from '../db/data-source';
import type { JobDefinition } from './define-job';
import { JobEntity } from './job.entity';

export interface EnqueueOptions {
  /** Not before this time; now when absent. */
  runAt?: Date;
  /** A second job of the same kind and key is not added (the first may even have finished). */
  idempotencyKey?: string;
}

/** MySQL's TEXT holds 64 KiB; a payload names its data, it does not carry it. */
const MAX_PAYLOAD_BYTES = 65_535;
const MAX_IDEMPOTENCY_KEY_LENGTH = 191;

/**
 * Adds jobs (in the caller's transaction when given its manager) and looks after the ones that
 * died. Running them is the JobRunner's part; the queue wakes it when new work is committed.
 */
export class JobQueue {
  private readonly listeners = new Set<() => void>();

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Adds a job inside `manager`'s transaction: it exists if, and only when, that commits.
   * Returns its id, or null when the idempotency key was already taken.
   */
  async enqueue<P>(
    manager: EntityManager,
    job: JobDefinition<P>,
    payload: P,
    options: EnqueueOptions = {},
  ): Promise<string | null> {
    const row = this.newRow(job, payload, options);
    await manager.createQueryBuilder().insert().into(JobEntity).values(row).orIgnore().execute();
    // Without a key nothing can conflict; with one, our id is there only if our row went in.
    if (row.idempotencyKey && !(await manager.exists(JobEntity, { where: { id: row.id } }))) {
      return null;
    }
    await afterCommit(manager, async () => this.notify());
    return row.id;
  }

  /**
   * Adds a job on its own, visible (and run) at once. Not from inside a transaction's callback:
   * pass that transaction's manager to `enqueue` instead (on SQLite this would wait for it).
   */
  enqueueNow<P>(
    job: JobDefinition<P>,
    payload: P,
    options?: EnqueueOptions,
  ): Promise<string | null> {
    // On SQLite's shared connection a lone insert could join another request's open
    // transaction and vanish with its rollback.
    return betweenTransactions(this.dataSource, () =>
      this.enqueue(this.dataSource.manager, job, payload, options),
    );
  }

  /** Gives a dead job a fresh set of attempts from now; false when it is not dead. */
  async retry(jobId: string): Promise<boolean> {
    const result = await this.repository().update(
      { id: jobId, status: 'DEAD' },
      { status: 'PENDING', attempts: 0, runAt: new Date(), finishedAt: null },
    );
    const retried = (result.affected ?? 0) === 1;
    if (retried) this.notify();
    return retried;
  }

  /** Dead jobs, most recently buried first, with the error that buried them. */
  listDead(options: { kind?: string; limit?: number } = {}): Promise<JobEntity[]> {
    return this.repository().find({
      where: { status: 'DEAD', ...(options.kind ? { kind: options.kind } : {}) },
      order: { finishedAt: 'DESC' },
      take: options.limit ?? 100,
    });
  }

  /** Deletes succeeded jobs finished before `before`; dead ones stay until dealt with. */
  async deleteSucceeded(before: Date): Promise<number> {
    const result = await this.repository().delete({
      status: 'SUCCEEDED',
      finishedAt: LessThan(before),
    });
    return result.affected ?? 0;
  }

  /** Called (in this process) whenever new or retried work may be ready; returns an unsubscribe. */
  onWorkAdded(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private newRow<P>(job: JobDefinition<P>, payload: P, options: EnqueueOptions): JobEntity {
    const json = JSON.stringify(job.payload.parse(payload));
    if (Buffer.byteLength(json) > MAX_PAYLOAD_BYTES) {
      throw new Error(`${job.kind} payload is over ${MAX_PAYLOAD_BYTES} bytes`);
    }
    const key = options.idempotencyKey ?? null;
    if (key !== null && (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH)) {
      throw new Error(`idempotency key must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`);
    }
    const now = new Date();
    return Object.assign(new JobEntity(), {
      id: newId(),
      kind: job.kind,
      payload: json,
      status: 'PENDING',
      runAt: options.runAt ?? now,
      attempts: 0,
      lastError: null,
      leaseOwner: null,
      leaseExpiresAt: null,
      idempotencyKey: key,
      createdAt: now,
      finishedAt: null,
    } satisfies JobEntity);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  private repository() {
    return this.dataSource.getRepository(JobEntity);
  }
}
