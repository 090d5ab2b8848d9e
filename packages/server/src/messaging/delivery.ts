import type { Logger } from 'pino';
import type { Mailer, MailMessage } from './mailer';
import type { SmsSender } from './sms';

/**
 * How services hand messages over. Mail goes after the change is committed and is not awaited,
 * so a slow mail server never holds a request (and answer timing tells nothing); a failure is
 * logged. SMS codes are awaited: the person is waiting for that one.
 */
export class Delivery {
  constructor(
    private readonly mailer: Mailer,
    private readonly sms: SmsSender,
    private readonly logger: Logger,
    readonly appUrl: string,
  ) {}

  mail(message: MailMessage): void {
    this.mailer.send(message).catch((error: unknown) => {
      this.logger.error({ err: error, subject: message.subject }, 'mail delivery failed');
    });
  }

  async text(to: string, body: string): Promise<void> {
    await this.sms.send({ to, body });
  }

  link(path: '/verify-email' | '/reset-password' | '/invitations/accept', token: string): string {
    return `${this.appUrl}${path}?token=${encodeURIComponent(token)}`;
  }
}
