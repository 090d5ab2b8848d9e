import { In, type DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { betweenTransactions, driverFamily } from '../db/data-source';
import { JobEntity } from './job.entity';

/** A claimed job: its row as it stands after the claim, held under `leaseOwner`. */
export type HeldJob = JobEntity & { leaseOwner: string };

const MAX_ERROR_LENGTH = 1000;

/** A job that may be claimed at :now: due, or held under a lease that ran out. */
const CLAIMABLE_NOW = `((status = 'PENDING' AND run_at <= :now)
  OR (status = 'RUNNING' AND lease_expires_at <= :now))`;

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

  /** Which of `kinds` have jobs to claim now: one cheap read, so idle kinds cost nothing more. */
  async kindsWithWork(kinds: string[]): Promise<Set<string>> {
    const rows = await this.dataSource.manager
      .createQueryBuilder(JobEntity, 'job')
      .select('DISTINCT job.kind', 'kind')
      .where(`kind IN (:...kinds) AND ${CLAIMABLE_NOW}`, { kinds, now: new Date() })
      .getRawMany<{ kind: string }>();
    return new Set(rows.map((row) => row.kind));
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
   * SQLite: pick candidates, then one conditional UPDATE that re-checks each is still claimable
   * (SQLite runs one writer at a time, so a candidate another instance took meanwhile is simply
   * not updated), then read back those that now carry this claim's owner. Each statement commits
   * alone: a transaction held open across the awaits between them would stall every other
   * connection to the file.
   */
  private claimSerialized(
    kind: string,
    limit: number,
    now: Date,
    lease: { owner: string; expiresAt: Date },
  ): Promise<HeldJob[]> {
    return betweenTransactions(this.dataSource, async () => {
      const manager = this.dataSource.manager;
      const candidates = await manager
        .createQueryBuilder(JobEntity, 'job')
        .select('job.id', 'id')
        .where(`kind = :kind AND ${CLAIMABLE_NOW}`, { kind, now })
        .orderBy('job.runAt', 'ASC')
        .limit(limit)
        .getRawMany<{ id: string }>();
      if (candidates.length === 0) return [];
      const ids = candidates.map((candidate) => candidate.id);
      await manager
        .createQueryBuilder()
        .update(JobEntity)
        .set({
          status: 'RUNNING',
          leaseOwner: lease.owner,
          leaseExpiresAt: lease.expiresAt,
          attempts: () => 'attempts + 1',
        })
        .where(`id IN (:...ids) AND kind = :kind AND ${CLAIMABLE_NOW}`, { ids, kind, now })
        .execute();
      const rows = await manager.findBy(JobEntity, { id: In(ids), leaseOwner: lease.owner });
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
