import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DateColumn, IdColumn } from '../../db/columns';
import { OrganizationEntity } from '../organization/organization.entity';

/** Published by a tool (publishEvent), by Atrium itself, or a test event sent by hand. */
export type WebhookEventSource = 'API' | 'ATRIUM' | 'TEST';

/**
 * One event of an organization, delivered to each endpoint subscribed to its type. Its id is the
 * `webhook-id` of every delivery and attempt of it. `data` is kept as the JSON text it was
 * published as, so every attempt sends (and signs) the same bytes.
 */
@Entity({ name: 'webhook_events' })
@Index('uq_webhook_events_idempotency_key', ['organizationId', 'idempotencyKey'], { unique: true })
export class WebhookEventEntity {
  @IdColumn()
  id: string;

  @Column({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'organization_id',
    foreignKeyConstraintName: 'fk_webhook_events_organization',
  })
  organization?: OrganizationEntity;

  @Column({ type: 'varchar', length: 64 })
  type: string;

  /** JSON text of at most 65,535 bytes (a MySQL TEXT). */
  @Column({ type: 'text' })
  data: string;

  @Column({ type: 'varchar', length: 16 })
  source: WebhookEventSource;

  /** A publisher's key: the same key within 24 hours answers the first event. */
  @Column({ name: 'idempotency_key', type: 'varchar', length: 191, nullable: true })
  idempotencyKey: string | null;

  @Index('ix_webhook_events_created_at')
  @DateColumn({ name: 'created_at' })
  createdAt: Date;
}
