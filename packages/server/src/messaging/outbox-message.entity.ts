import { Column, Entity, Index } from 'typeorm';
import { DateColumn, IdColumn } from '../db/columns';

/**
 * A mail waiting to be sent, written in the same transaction as the change it tells about
 * when there is one, so a committed change's mail survives a crash or an SMTP outage.
 */
@Entity({ name: 'mail_outbox' })
@Index('ix_mail_outbox_due', ['sentAt', 'nextAttemptAt'])
export class OutboxMessageEntity {
  @IdColumn()
  id: string;

  /** JSON of the MailMessage (to, subject, text, html). */
  @Column({ type: 'text' })
  payload: string;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @DateColumn({ name: 'next_attempt_at' })
  nextAttemptAt: Date;

  @DateColumn({ name: 'sent_at', nullable: true })
  sentAt: Date | null;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @DateColumn({ name: 'created_at' })
  createdAt: Date;
}
