import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DateColumn, IdColumn } from '../../db/columns';
import { bigintAsNumber, WebhookEndpointEntity } from './webhook-endpoint.entity';
import { WebhookEventEntity } from './webhook-event.entity';

export const WEBHOOK_DELIVERY_STATUSES = ['PENDING', 'SUCCEEDED', 'FAILED'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/**
 * One event on its way to one endpoint: PENDING while an attempt is due or running, SUCCEEDED
 * once the endpoint answered 2xx, FAILED when the retry schedule ran out or the endpoint was
 * disabled. Each attempt is a `webhook.deliver` job; the next one is enqueued in the transaction
 * that records the failure of the last.
 */
@Entity({ name: 'webhook_deliveries' })
@Index('ix_webhook_deliveries_endpoint', ['endpointId', 'id'])
@Index('ix_webhook_deliveries_endpoint_status', ['endpointId', 'status', 'createdAt'])
export class WebhookDeliveryEntity {
  @IdColumn()
  id: string;

  @Column({ name: 'endpoint_id', type: 'varchar', length: 36 })
  endpointId: string;

  @ManyToOne(() => WebhookEndpointEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'endpoint_id', foreignKeyConstraintName: 'fk_webhook_deliveries_endpoint' })
  endpoint?: WebhookEndpointEntity;

  @Index('ix_webhook_deliveries_event')
  @Column({ name: 'event_id', type: 'varchar', length: 36 })
  eventId: string;

  @ManyToOne(() => WebhookEventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'fk_webhook_deliveries_event' })
  event?: WebhookEventEntity;

  @Column({ name: 'event_type', type: 'varchar', length: 64 })
  eventType: string;

  /** Per endpoint, in the order the events were committed. */
  @Column({ type: 'bigint', transformer: bigintAsNumber })
  sequence: number;

  @Column({ type: 'varchar', length: 16 })
  status: WebhookDeliveryStatus;

  /** Attempts made, by the schedule and by hand. */
  @Column({ name: 'attempt_count', type: 'int', default: 0 })
  attemptCount: number;

  /** Attempts the retry schedule has made: which of its delays comes next. */
  @Column({ name: 'scheduled_attempts', type: 'int', default: 0 })
  scheduledAttempts: number;

  @Column({ name: 'last_response_status', type: 'int', nullable: true })
  lastResponseStatus: number | null;

  /** When the schedule tries next; null when it will not. */
  @DateColumn({ name: 'next_attempt_at', nullable: true })
  nextAttemptAt: Date | null;

  @DateColumn({ name: 'last_attempt_at', nullable: true })
  lastAttemptAt: Date | null;

  @Index('ix_webhook_deliveries_created_at')
  @DateColumn({ name: 'created_at' })
  createdAt: Date;
}
