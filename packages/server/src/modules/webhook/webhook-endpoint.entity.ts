import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DateColumn, IdColumn } from '../../db/columns';
import { OrganizationEntity } from '../organization/organization.entity';

export const WEBHOOK_URL_MAX_CHARS = 2000;
export const WEBHOOK_DESCRIPTION_MAX_CHARS = 500;

/** Why an endpoint is off: someone turned it off, it answered 410 Gone, or it kept failing. */
export const WEBHOOK_DISABLED_REASONS = ['MANUAL', 'GONE', 'FAILING'] as const;
export type WebhookDisabledReason = (typeof WEBHOOK_DISABLED_REASONS)[number];

/** Read as a JavaScript number: sequence numbers stay far below 2^53. */
export const bigintAsNumber = {
  to: (value: number) => value,
  from: (value: string | number) => Number(value),
};

/**
 * An organization's webhook endpoint. Its signing secret is sealed with SECRET_KEY (SecretBox)
 * and never an API field; after a rotation the previous one still signs until
 * `previousSecretExpiresAt`. The health columns are kept by the deliveries themselves.
 */
@Entity({ name: 'webhook_endpoints' })
export class WebhookEndpointEntity {
  @IdColumn()
  id: string;

  @Index('ix_webhook_endpoints_organization')
  @Column({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'organization_id',
    foreignKeyConstraintName: 'fk_webhook_endpoints_organization',
  })
  organization?: OrganizationEntity;

  @Column({ type: 'varchar', length: WEBHOOK_URL_MAX_CHARS })
  url: string;

  @Column({ type: 'varchar', length: WEBHOOK_DESCRIPTION_MAX_CHARS, default: '' })
  description: string;

  /** Comma-separated event type names, as webhookEventTypes lists them. */
  @Column({ name: 'event_types', type: 'varchar', length: 1000 })
  eventTypes: string;

  @Column({ type: 'boolean' })
  enabled: boolean;

  @Column({ name: 'disabled_reason', type: 'varchar', length: 16, nullable: true })
  disabledReason: WebhookDisabledReason | null;

  @Column({ name: 'secret_sealed', type: 'varchar', length: 255 })
  secretSealed: string;

  @Column({ name: 'previous_secret_sealed', type: 'varchar', length: 255, nullable: true })
  previousSecretSealed: string | null;

  @DateColumn({ name: 'previous_secret_expires_at', nullable: true })
  previousSecretExpiresAt: Date | null;

  /** The sequence number of the last delivery made for this endpoint. */
  @Column({ name: 'last_sequence', type: 'bigint', default: 0, transformer: bigintAsNumber })
  lastSequence: number;

  @DateColumn({ name: 'last_success_at', nullable: true })
  lastSuccessAt: Date | null;

  @DateColumn({ name: 'last_failure_at', nullable: true })
  lastFailureAt: Date | null;

  /** Failed attempts since the last success. */
  @Column({ name: 'failure_streak', type: 'int', default: 0 })
  failureStreak: number;

  /** The first failure since the last success; null while healthy. */
  @DateColumn({ name: 'failing_since', nullable: true })
  failingSince: Date | null;

  /** When the admins were warned about this streak of failures. */
  @DateColumn({ name: 'failure_warned_at', nullable: true })
  failureWarnedAt: Date | null;

  @DateColumn({ name: 'created_at' })
  createdAt: Date;

  @DateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
