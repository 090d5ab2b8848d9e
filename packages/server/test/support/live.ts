import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/**
 * A graphql-ws client as a browser tab or tool holds it: collects what arrives and how the
 * socket closed, so tests can wait for either.
 */
export class LiveClient {
  readonly events: unknown[] = [];
  readonly errors: unknown[] = [];
  closeCode: number | null = null;
  private readonly client: Client;
  private readonly waiters = new Set<() => void>();

  constructor(baseUrl: string, options: { token?: string; cookie?: string } = {}) {
    this.client = createClient({
      url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: class extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          super(address, protocols, { headers: options.cookie ? { cookie: options.cookie } : {} });
        }
      },
      connectionParams: options.token ? { authorization: `Bearer ${options.token}` } : undefined,
      retryAttempts: 0,
      lazy: true,
      on: {
        closed: (event) => {
          this.closeCode = (event as { code: number }).code;
          this.notify();
        },
      },
    });
  }

  subscribe(query: string): void {
    this.client.subscribe(
      { query },
      {
        next: (value) => {
          if (value.errors) this.errors.push(...value.errors);
          else this.events.push(value.data);
          this.notify();
        },
        error: (error) => {
          this.errors.push(error);
          this.notify();
        },
        complete: () => undefined,
      },
    );
  }

  /** Resolves when `condition` holds, or fails after `timeoutMs`. */
  waitFor(condition: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(
          new Error(
            `timed out waiting for ${what}; events: ${JSON.stringify(this.events)}, close: ${this.closeCode}`,
          ),
        );
      }, timeoutMs);
      const check = () => {
        if (!condition()) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      this.waiters.add(check);
    });
  }

  dispose(): Promise<void> {
    return Promise.resolve(this.client.dispose());
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}

export const SESSION_EVENTS =
  'subscription { sessionEvents { type session { id current browser } } }';

export interface SessionEventData {
  sessionEvents: {
    type: 'CREATED' | 'REVOKED';
    session: { id: string; current: boolean; browser: string | null };
  };
}

/**
 * Resolves once every client's sessionEvents subscription is live: `probe` starts a new session
 * of the account (returning its id), repeated until one probe's CREATED event has reached all of
 * them (an event published before a subscription was registered is missed). Events are ordered,
 * so clearing them then leaves no probe behind.
 */
export async function untilLive(
  clients: LiveClient[],
  probe: () => Promise<string>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const sessionId = await probe();
    try {
      await Promise.all(
        clients.map((client) =>
          client.waitFor(
            () => JSON.stringify(client.events).includes(sessionId),
            500,
            'the probe event',
          ),
        ),
      );
      for (const client of clients) client.events.length = 0;
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}
