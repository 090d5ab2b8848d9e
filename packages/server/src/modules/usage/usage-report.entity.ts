import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DateColumn, IdColumn } from '../../db/columns';
import { OrganizationEntity } from '../organization/organization.entity';

/** Idempotency keys are as long as a unique index on utf8mb4 allows. */
export const USAGE_IDEMPOTENCY_KEY_MAX_CHARS = 191;
export const USAGE_METRIC_MAX_CHARS = 40;

/**
 * One report of usage by a service (`reportUsage`), kept so that a retried report with the same
 * idempotency key counts once. Its quantity was added to the counters when it was recorded.
 */
@Entity({ name: 'usage_reports' })
@Index('uq_usage_reports_idempotency_key', ['organizationId', 'idempotencyKey'], { unique: true })
@Index('ix_usage_reports_reported_at', ['reportedAt'])
export class UsageReportEntity {
  @IdColumn()
  id: string;

  @Column({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'organization_id',
    foreignKeyConstraintName: 'fk_usage_reports_organization',
  })
  organization?: OrganizationEntity;

  @Column({ name: 'idempotency_key', type: 'varchar', length: USAGE_IDEMPOTENCY_KEY_MAX_CHARS })
  idempotencyKey: string;

  @Column({ type: 'varchar', length: USAGE_METRIC_MAX_CHARS })
  metric: string;

  @Column({
    type: 'bigint',
    transformer: { to: (value: number) => value, from: (value: string | number) => Number(value) },
  })
  quantity: number;

  /** The key that reported it (an id, kept when the key goes). */
  @Column({ name: 'api_key_id', type: 'varchar', length: 36, nullable: true })
  apiKeyId: string | null;

  @DateColumn({ name: 'reported_at' })
  reportedAt: Date;
}
