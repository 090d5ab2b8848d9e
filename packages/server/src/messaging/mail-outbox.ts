import { IsNull, LessThan, LessThanOrEqual, type DataSource, type EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import { newId } from '../db/columns';
import type { Mailer, MailMessage } from './mailer';
import { OutboxMessageEntity } from './outbox-message.entity';

const POLL_INTERVAL_MS = 1000;
const BATCH = 20;
/** A claimed message is someone's for this long; if its sender died, another instance retries. */
const CLAIM_LEASE_MS = 5 * 60 * 1000;
const MAX_ATTEMPTS = 12;
const KEEP_SENT_MS = 7 * 24 * 60 * 60 * 1000;

/** Exponential backoff: 1 s, 2 s, 4 s … capped at an hour (12 attempts span about 1.5 hours). */
export function retryDelayMs(attempts: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attempts - 1), 60 * 60 * 1000);
}

/**
 * The transactional outbox for mail: `enqueue` writes a row (inside the caller's transaction
 * when given one); every instance polls for due rows, claims each with a conditional update
 * (so one instance sends it), sends, and on failure schedules a retry with backoff.
 */
export class MailOutbox {
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private running = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly logger: Logger,
  ) {}

  async enqueue(
    message: MailMessage,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    const now = new Date();
    await manager.insert(OutboxMessageEntity, {
      id: newId(),
      payload: JSON.stringify(message),
      attempts: 0,
      nextAttemptAt: now,
      sentAt: null,
      lastError: null,
      createdAt: now,
    });
    // Outside a transaction the row is visible now: send without waiting for the next poll.
    if (manager === this.dataSource.manager) setImmediate(() => void this.poll());
  }

  start(): void {
    this.running = true;
    this.timer ??= setInterval(() => void this.poll(), POLL_INTERVAL_MS);
    this.timer.unref();
  }

  /** Stops polling (nudges too) and waits for the sends in flight (graceful shutdown). */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.polling;
  }

  poll(): Promise<void> {
    if (!this.running) return Promise.resolve();
    this.polling ??= this.sendDue().finally(() => (this.polling = null));
    return this.polling;
  }

  async deleteSent(now = new Date()): Promise<void> {
    await this.repository().delete({ sentAt: LessThan(new Date(now.getTime() - KEEP_SENT_MS)) });
  }

  private async sendDue(): Promise<void> {
    try {
      const due = await this.repository().find({
        where: {
          sentAt: IsNull(),
          nextAttemptAt: LessThanOrEqual(new Date()),
          attempts: LessThan(MAX_ATTEMPTS),
        },
        order: { nextAttemptAt: 'ASC' },
        take: BATCH,
      });
      for (const message of due) {
        if (await this.claim(message)) await this.send(message);
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'mail outbox poll failed');
    }
  }

  private async claim(message: OutboxMessageEntity): Promise<boolean> {
    const result = await this.repository()
      .createQueryBuilder()
      .update()
      .set({ attempts: () => 'attempts + 1', nextAttemptAt: new Date(Date.now() + CLAIM_LEASE_MS) })
      .where('id = :id AND attempts = :attempts AND sent_at IS NULL', {
        id: message.id,
        attempts: message.attempts,
      })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  private async send(message: OutboxMessageEntity): Promise<void> {
    const attempts = message.attempts + 1;
    const mail = JSON.parse(message.payload) as MailMessage;
    try {
      await this.mailer.send(mail);
      await this.repository().update({ id: message.id }, { sentAt: new Date(), lastError: null });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const gaveUp = attempts >= MAX_ATTEMPTS;
      await this.repository().update(
        { id: message.id },
        {
          nextAttemptAt: new Date(Date.now() + retryDelayMs(attempts)),
          lastError: reason.slice(0, 500),
        },
      );
      const log = { outboxId: message.id, attempts, subject: mail.subject, err: reason };
      if (gaveUp) this.logger.error(log, 'mail not delivered after every retry');
      else this.logger.warn(log, 'mail delivery failed; will retry');
    }
  }

  private repository() {
    return this.dataSource.getRepository(OutboxMessageEntity);
  }
}
