import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DateColumn, IdColumn } from '../../db/columns';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';

/** The start of a response body kept in the log. */
export const RESPONSE_BODY_LOG_BYTES = 4096;

/** One HTTP request of a delivery, as the delivery log shows it. */
@Entity({ name: 'webhook_attempts' })
@Index('ix_webhook_attempts_delivery', ['deliveryId', 'id'])
export class WebhookAttemptEntity {
  @IdColumn()
  id: string;

  @Column({ name: 'delivery_id', type: 'varchar', length: 36 })
  deliveryId: string;

  @ManyToOne(() => WebhookDeliveryEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'delivery_id', foreignKeyConstraintName: 'fk_webhook_attempts_delivery' })
  delivery?: WebhookDeliveryEntity;

  @DateColumn({ name: 'started_at' })
  startedAt: Date;

  @Column({ name: 'duration_ms', type: 'int' })
  durationMs: number;

  /** Null when no response came (refused address, timeout, connection error). */
  @Column({ name: 'response_status', type: 'int', nullable: true })
  responseStatus: number | null;

  /** JSON object of the request headers sent. */
  @Column({ name: 'request_headers', type: 'text' })
  requestHeaders: string;

  /** The first 4 KB of the response body, as text. */
  @Column({ name: 'response_body', type: 'text', nullable: true })
  responseBody: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  error: string | null;

  /** Asked for by a person or tool (redeliver, recover), not by the retry schedule. */
  @Column({ type: 'boolean', default: false })
  manual: boolean;
}
