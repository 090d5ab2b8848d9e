import {
  createServer,
  type IncomingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the receiver got. */
export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** When its first byte arrived (performance.timeOrigin + now, ms). */
  at: number;
  /** The status the receiver answered. */
  status: number;
}

/** How to answer a request: a status, and optional headers and body. */
export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

type Responder = (request: ReceivedWebhook, count: number) => Answer;

/**
 * A real HTTP receiver on 127.0.0.1: records every request (headers, raw body, arrival) and
 * answers as the test says (200 by default).
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private respond: Responder = () => ({ status: 200, body: 'ok' });

  private constructor(private readonly server: Server) {}

  static async start(): Promise<WebhookReceiver> {
    const server = createServer();
    const receiver = new WebhookReceiver(server);
    server.keepAliveTimeout = 60_000;
    server.on('request', (request, response) => {
      const at = performance.timeOrigin + performance.now();
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () =>
        receiver.handle(request.url ?? '/', request.headers, chunks, at, response),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  answer(respond: Responder): void {
    this.respond = respond;
  }

  /** Requests to `path` (default any), oldest first. */
  at(path?: string): ReceivedWebhook[] {
    return path ? this.received.filter((r) => r.path === path) : this.received;
  }

  async waitFor(count: number, path?: string, timeoutMs = 15_000): Promise<ReceivedWebhook[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.at(path).length < count) {
      if (Date.now() > deadline) {
        throw new Error(
          `only ${this.at(path).length} of ${count} webhooks at ${path ?? 'any path'}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return this.at(path);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(
    path: string,
    headers: IncomingHttpHeaders,
    chunks: Buffer[],
    at: number,
    response: ServerResponse,
  ): void {
    const request: ReceivedWebhook = {
      path,
      headers,
      body: Buffer.concat(chunks).toString('utf8'),
      at,
      status: 0,
    };
    const answer = this.respond(request, this.received.length + 1);
    request.status = answer.status;
    this.received.push(request);
    response.writeHead(answer.status, answer.headers ?? {});
    response.end(answer.body ?? '');
  }
}
