import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers, such as List-Unsubscribe for notices. */
  headers?: Record<string, string>;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

const FROM = 'Atrium <no-reply@atrium.local>';

/**
 * SMTP when SMTP_URL is set; otherwise each message becomes an .eml file in the outbox with a
 * log line, so a person running the default can open it.
 */
export function createMailer(smtpUrl: string | null, outboxDir: string, logger: Logger): Mailer {
  if (smtpUrl) return transportMailer(nodemailer.createTransport(smtpUrl), logger);
  return outboxMailer(outboxDir, logger);
}

function transportMailer(transport: Transporter, logger: Logger): Mailer {
  return {
    async send(message) {
      const info = await transport.sendMail({ from: FROM, ...message });
      logger.info({ messageId: info.messageId, subject: message.subject }, 'mail sent');
    },
  };
}

function outboxMailer(outboxDir: string, logger: Logger): Mailer {
  const builder = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
  });
  return {
    async send(message) {
      const info = (await builder.sendMail({ from: FROM, ...message })) as { message: Buffer };
      await mkdir(outboxDir, { recursive: true });
      const file = path.join(
        outboxDir,
        `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID()}.eml`,
      );
      await writeFile(file, info.message, { mode: 0o600 });
      logger.info({ file, subject: message.subject }, 'mail written to the outbox');
    },
  };
}
