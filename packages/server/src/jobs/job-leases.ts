import { In, type DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { betweenTransactions, driverFamily } from '../db/data-source';
import { JobEntity } from './job.entity';

/** A claimed job: its row as it stands after the claim, held under `leaseOwner`. */
export type HeldJob = JobEntity & { leaseOwner: string };

const MAX_ERROR_LENGTH = 1000;

/**
 * Everything the runner writes about jobs: claiming due ones under a lease, renewing the lease,
 * and the outcome. Every write after the claim is conditional on the lease still being ours,
 * so a holder that lost its lease (it stalled past the expiry and another instance took over)
 * changes nothing.
 */
export class JobLeases {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Takes up to `limit` jobs of `kind` that are due, or whose holder's lease ran out: marks them
   * RUNNING under `owner` until `now + leaseMs` and counts the attempt.
   */
  claim(kind: string, limit: number, owner: string, leaseMs: number): Promise<HeldJob[]> {
    const now = new Date();
    const lease = { owner, expiresAt: new Date(now.getTime() + leaseMs) };
    return driverFamily(this.dataSource) === 'mysql'
      ? this.claimSkippingLocked(kind, limit, now, lease)
      : this.claimSerialized(kind, limit, now, lease);
  }

  async renew(job: HeldJob, leaseMs: number): Promise<boolean> {
    return this.updateHeld(job, { leaseExpiresAt: new Date(Date.now() + leaseMs) });
  }

  succeed(job: HeldJob): Promise<boolean> {
    return this.updateHeld(job, {
      status: 'SUCCEEDED',
      leaseOwner: null,
      leaseExpiresAt: null,
      lastError: null,
      finishedAt: new Date(),
    });
  }

  retryAt(job: HeldJob, runAt: Date, error: string): Promise<boolean> {
    return this.updateHeld(job, {
      status: 'PENDING',
      runAt,
      leaseOwner: null,
      leaseExpiresAt: null,
      lastError: error.slice(0, MAX_ERROR_LENGTH),
    });
  }

  /** Dead-letters the job: kept, listed, retryable by hand, never run again by itself. */
  bury(job: HeldJob, error: string): Promise<boolean> {
    return this.updateHeld(job, {
      status: 'DEAD',
      leaseOwner: null,
      leaseExpiresAt: null,
      lastError: error.slice(0, MAX_ERROR_LENGTH),
      finishedAt: new Date(),
    });
  }

  /** Hands a job back unfinished (shutdown): due at once elsewhere, this run not counted. */
  release(job: HeldJob): Promise<boolean> {
    return this.updateHeld(job, {
      status: 'PENDING',
      leaseOwner: null,
      leaseExpiresAt: null,
      attempts: () => 'attempts - 1',
    });
  }

  /**
   * MySQL/MariaDB: lock the due rows, skipping those another instance is locking right now, and
   * mark them ours before the short transaction commits. READ COMMITTED spares the gap locks
   * that would hold up concurrent enqueues. Leases that ran out come first (older work), then
   * due jobs in run_at order, each read along the (status, kind, run_at) index.
   */
  private claimSkippingLocked(
    kind: string,
    limit: number,
    now: Date,
    lease: { owner: string; expiresAt: Date },
  ): Promise<HeldJob[]> {
    return this.dataSource.transaction('READ COMMITTED', async (manager) => {
      const lapsed = await lockable(lapsedLeases(manager, kind, now).limit(limit)).getMany();
      const due =
        lapsed.length < limit
          ? await lockable(dueJobs(manager, kind, now).limit(limit - lapsed.length)).getMany()
          : [];
      const rows = [...lapsed, ...due];
      if (rows.length === 0) return [];
      await manager.update(
        JobEntity,
        { id: In(rows.map((row) => row.id)) },
        {
          status: 'RUNNING',
          leaseOwner: lease.owner,
          leaseExpiresAt: lease.expiresAt,
          attempts: () => 'attempts + 1',
        },
      );
      return rows.map((row) =>
        Object.assign(row, {
          status: 'RUNNING' as const,
          leaseOwner: lease.owner,
          leaseExpiresAt: lease.expiresAt,
          attempts: row.attempts + 1,
        }),
      );
    });
  }

  /**
   * SQLite: one writer at a time, so one UPDATE that picks and marks the rows is the whole
   * claim; the owner names this claim alone, so reading its rows back finds exactly what it
   * took. Each statement commits alone: a transaction held open across the await between them
   * would stall every other connection to the file.
   */
  private claimSerialized(
    kind: string,
    limit: number,
    now: Date,
    lease: { owner: string; expiresAt: Date },
  ): Promise<HeldJob[]> {
    return betweenTransactions(this.dataSource, async () => {
      const manager = this.dataSource.manager;
      const picked = manager
        .createQueryBuilder(JobEntity, 'picked')
        .select('picked.id')
        .where(
          `picked.kind = :kind AND ((picked.status = 'PENDING' AND picked.runAt <= :now)
            OR (picked.status = 'RUNNING' AND picked.leaseExpiresAt <= :now))`,
          { kind, now },
        )
        .orderBy('picked.runAt', 'ASC')
        .limit(limit);
      await manager
        .createQueryBuilder()
        .update(JobEntity)
        .set({
          status: 'RUNNING',
          leaseOwner: lease.owner,
          leaseExpiresAt: lease.expiresAt,
          attempts: () => 'attempts + 1',
        })
        .where(`id IN (${picked.getQuery()})`)
        .setParameters(picked.getParameters())
        .execute();
      const rows = await manager.findBy(JobEntity, { leaseOwner: lease.owner });
      return rows as HeldJob[];
    });
  }

  /** Standing alone on SQLite's shared connection, so no request's rollback undoes it. */
  private updateHeld(job: HeldJob, changes: QueryDeepPartialEntity<JobEntity>): Promise<boolean> {
    return betweenTransactions(this.dataSource, async () => {
      const result = await this.dataSource.manager.update(
        JobEntity,
        { id: job.id, leaseOwner: job.leaseOwner, status: 'RUNNING' },
        changes,
      );
      return (result.affected ?? 0) === 1;
    });
  }
}

function dueJobs(manager: EntityManager, kind: string, now: Date): SelectQueryBuilder<JobEntity> {
  return manager
    .createQueryBuilder(JobEntity, 'job')
    .where("job.status = 'PENDING' AND job.kind = :kind AND job.runAt <= :now", { kind, now })
    .orderBy('job.runAt', 'ASC');
}

function lapsedLeases(
  manager: EntityManager,
  kind: string,
  now: Date,
): SelectQueryBuilder<JobEntity> {
  return manager
    .createQueryBuilder(JobEntity, 'job')
    .where("job.status = 'RUNNING' AND job.kind = :kind AND job.leaseExpiresAt <= :now", {
      kind,
      now,
    });
}

function lockable(query: SelectQueryBuilder<JobEntity>): SelectQueryBuilder<JobEntity> {
  return query.setLock('pessimistic_write').setOnLocked('skip_locked');
}
