import type { EntityManager } from 'typeorm';
import type { JobDefinition } from '../jobs/define-job';
import type { EnqueueOptions, JobQueue } from '../jobs/job-queue';
import type { MailMessage } from './mailer';
import type { SmsMessage, SmsSender } from './sms';

/**
 * How services hand messages over. Mail becomes a `mail.send` job (in the caller's transaction
 * when given its manager) and is sent from there with retries, so a slow or absent mail server
 * never holds a request, and a crash after the commit never loses a message. SMS codes are sent
 * at once: the person is waiting.
 */
export class Delivery {
  constructor(
    private readonly jobs: JobQueue,
    private readonly sendMail: JobDefinition<MailMessage>,
    private readonly sendSms: JobDefinition<SmsMessage>,
    private readonly sms: SmsSender,
    private readonly site: { readonly appUrl: string },
  ) {}

  /** `options.runAt` holds the mail back (quiet hours). */
  async mail(
    message: MailMessage,
    manager?: EntityManager,
    options?: Pick<EnqueueOptions, 'runAt'>,
  ): Promise<void> {
    if (manager) await this.jobs.enqueue(manager, this.sendMail, message, options);
    else await this.jobs.enqueueNow(this.sendMail, message, options);
  }

  /** A text that can wait: an `sms.send` job in the caller's transaction. */
  async textLater(
    message: SmsMessage,
    manager: EntityManager,
    options?: Pick<EnqueueOptions, 'runAt'>,
  ): Promise<void> {
    await this.jobs.enqueue(manager, this.sendSms, message, options);
  }

  async text(to: string, body: string): Promise<void> {
    await this.sms.send({ to, body });
  }

  /** The SPA's public origin, for absolute links in mail. */
  get appUrl(): string {
    return this.site.appUrl;
  }

  /** The public URL of a page or file of the site (a mail's link, a download). */
  page(path: string): string {
    return `${this.site.appUrl}${path}`;
  }

  link(
    path: '/verify-email' | '/reset-password' | '/invitations/accept' | '/reactivate',
    token: string,
  ): string {
    return `${this.site.appUrl}${path}?token=${encodeURIComponent(token)}`;
  }
}
