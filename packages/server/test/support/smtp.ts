import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  parsed: ParsedMail;
}

/** A real SMTP listener on a free port: what Atrium sends over SMTP lands here, parsed. */
export class SmtpInbox {
  readonly messages: ReceivedMail[] = [];
  private readonly waiters = new Set<() => void>();

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(port = 0): Promise<SmtpInbox> {
    let inbox: SmtpInbox | null = null;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((parsed) => {
            inbox?.receive(parsed);
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    inbox = new SmtpInbox(server, (server.server.address() as AddressInfo).port);
    return inbox;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** The next message to `to` matching `subject`, waiting for it to arrive. */
  async waitFor(to: string, subject: RegExp, timeoutMs = 5000): Promise<ReceivedMail> {
    const find = () =>
      this.messages.find((m) => m.to.toLowerCase() === to.toLowerCase() && subject.test(m.subject));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found) return found;
      if (Date.now() > deadline) {
        throw new Error(
          `no mail to ${to} matching ${subject}; got ${JSON.stringify(this.messages.map((m) => [m.to, m.subject]))}`,
        );
      }
      await new Promise<void>((resolve) => {
        this.waiters.add(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  /** Waits until `count` messages to `to` match `subject`, and returns them. */
  async waitForCount(
    to: string,
    subject: RegExp,
    count: number,
    timeoutMs = 5000,
  ): Promise<ReceivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.mailsTo(to).filter((m) => subject.test(m.subject));
      if (found.length >= count) return found;
      if (Date.now() > deadline)
        throw new Error(`only ${found.length} of ${count} mails to ${to} matching ${subject}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  mailsTo(to: string): ReceivedMail[] {
    return this.messages.filter((m) => m.to.toLowerCase() === to.toLowerCase());
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private receive(parsed: ParsedMail): void {
    const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
    this.messages.push({
      to: to?.value[0]?.address ?? '',
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
      html: typeof parsed.html === 'string' ? parsed.html : '',
      parsed,
    });
    for (const waiter of this.waiters) waiter();
    this.waiters.clear();
  }
}

/** The token of the first Atrium link (`/verify-email`, `/reset-password`) in a mail. */
export function linkToken(mail: ReceivedMail, path: string): string {
  const match = new RegExp(`https?://[^\\s"]+${path}\\?token=([\\w%-]+)`).exec(mail.text);
  if (!match) throw new Error(`no ${path} link in: ${mail.text}`);
  return decodeURIComponent(match[1]);
}
