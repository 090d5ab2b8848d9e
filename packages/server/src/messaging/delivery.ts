import type { EntityManager } from 'typeorm';
import type { MailOutbox } from './mail-outbox';
import type { MailMessage } from './mailer';
import type { SmsSender } from './sms';

/**
 * How services hand messages over. Mail goes into the outbox (in the caller's transaction when
 * given its manager) and is sent from there with retries, so a slow or absent mail server never
 * holds a request nor loses a message. SMS codes are sent at once: the person is waiting.
 */
export class Delivery {
  constructor(
    private readonly outbox: MailOutbox,
    private readonly sms: SmsSender,
    readonly appUrl: string,
  ) {}

  mail(message: MailMessage, manager?: EntityManager): Promise<void> {
    return this.outbox.enqueue(message, manager);
  }

  async text(to: string, body: string): Promise<void> {
    await this.sms.send({ to, body });
  }

  link(path: '/verify-email' | '/reset-password' | '/invitations/accept', token: string): string {
    return `${this.appUrl}${path}?token=${encodeURIComponent(token)}`;
  }
}
