import { Column, Entity, Index } from 'typeorm';
import { DateColumn, IdColumn } from '../db/columns';

/**
 * PENDING waits for its run_at; RUNNING is held by a lease; SUCCEEDED is kept a while for
 * inspection; DEAD used its last attempt (or its payload stopped validating) and stays until
 * someone retries or deletes it.
 */
export type JobStatus = 'PENDING' | 'RUNNING' | 'SUCCEEDED' | 'DEAD';

/**
 * One unit of slow or external work, written in the transaction of the change that implies it,
 * so the work survives a crash between the commit and its execution.
 */
@Entity({ name: 'jobs' })
// Every claim asks for one status and kind, due first; cleanup and the dead list ask by status.
@Index('ix_jobs_due', ['status', 'kind', 'runAt'])
@Index('uq_jobs_kind_idempotency_key', ['kind', 'idempotencyKey'], { unique: true })
export class JobEntity {
  @IdColumn()
  id: string;

  @Column({ type: 'varchar', length: 64 })
  kind: string;

  /** JSON, validated against the kind's schema when enqueued and again when run. */
  @Column({ type: 'text' })
  payload: string;

  @Column({ type: 'varchar', length: 16 })
  status: JobStatus;

  @DateColumn({ name: 'run_at' })
  runAt: Date;

  /** Runs started, counted at claim: a run cut short by a crash counts too. */
  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'varchar', length: 1000, nullable: true })
  lastError: string | null;

  /** `<instance>/<claim>` of the holder while RUNNING: the instance, and which of its claims. */
  @Column({ name: 'lease_owner', type: 'varchar', length: 100, nullable: true })
  leaseOwner: string | null;

  /** Past this, the holder is presumed dead and the job may be claimed again. */
  @DateColumn({ name: 'lease_expires_at', nullable: true })
  leaseExpiresAt: Date | null;

  /** Unique per kind when set: enqueueing the same key again does nothing. */
  @Column({ name: 'idempotency_key', type: 'varchar', length: 191, nullable: true })
  idempotencyKey: string | null;

  @DateColumn({ name: 'created_at' })
  createdAt: Date;

  @DateColumn({ name: 'finished_at', nullable: true })
  finishedAt: Date | null;
}
