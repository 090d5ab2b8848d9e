import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedSms {
  to: string;
  from: string;
  body: string;
}

/**
 * A local HTTP server that speaks the Twilio Messages API (the paid provider cannot run here):
 * POST /2010-04-01/Accounts/{sid}/Messages.json, form-encoded, with basic auth.
 */
export class FakeSmsProvider {
  readonly messages: ReceivedSms[] = [];
  static readonly accountSid = 'ACtest0000000000000000000000000000';
  static readonly authToken = 'test-auth-token';
  static readonly from = '+15005550006';

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(): Promise<FakeSmsProvider> {
    let provider: FakeSmsProvider | null = null;
    const server = createServer((request, response) => {
      const expectedPath = `/2010-04-01/Accounts/${FakeSmsProvider.accountSid}/Messages.json`;
      const expectedAuth = `Basic ${Buffer.from(`${FakeSmsProvider.accountSid}:${FakeSmsProvider.authToken}`).toString('base64')}`;
      if (request.method !== 'POST' || request.url !== expectedPath) {
        response.writeHead(404).end();
        return;
      }
      if (request.headers.authorization !== expectedAuth) {
        response
          .writeHead(401, { 'content-type': 'application/json' })
          .end('{"code":20003,"message":"Authenticate"}');
        return;
      }
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const form = new URLSearchParams(body);
        provider?.messages.push({
          to: form.get('To') ?? '',
          from: form.get('From') ?? '',
          body: form.get('Body') ?? '',
        });
        response.writeHead(201, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ sid: `SM${Date.now()}`, status: 'queued' }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    provider = new FakeSmsProvider(server, (server.address() as AddressInfo).port);
    return provider;
  }

  get env(): Record<string, string> {
    return {
      SMS_API_URL: `http://127.0.0.1:${this.port}`,
      SMS_ACCOUNT_SID: FakeSmsProvider.accountSid,
      SMS_AUTH_TOKEN: FakeSmsProvider.authToken,
      SMS_FROM: FakeSmsProvider.from,
    };
  }

  /** The 6-digit code of the latest SMS to `to`. */
  latestCode(to: string): string {
    const sms = [...this.messages].reverse().find((message) => message.to === to);
    const code = sms && /\b(\d{6})\b/.exec(sms.body)?.[1];
    if (!code) throw new Error(`no code sent to ${to}: ${JSON.stringify(this.messages)}`);
    return code;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
