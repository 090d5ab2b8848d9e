import { fork } from 'node:child_process';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { freePort } from '../lib/free-port';
import { signUp } from './client';
import { SECRET_KEY } from './servers';

const IDLE_SUBSCRIPTIONS = Number(process.env.BENCH_SUBSCRIPTIONS ?? 10_000);

/** (e): heap per idle authenticated sessionEvents subscription on one instance. */
export async function idleSubscriptionMemory(databaseUrl: string): Promise<boolean> {
  const port = await freePort();
  const server = fork(path.join(__dirname, 'heap-server.js'), [], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      SECRET_KEY,
      LOG_LEVEL: 'warn',
      // Every idle subscription is the same account's: lift the per-account socket cap.
      WS_MAX_CONNECTIONS: String(IDLE_SUBSCRIPTIONS + 100),
    },
    execArgv: ['--expose-gc'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const ask = <T>(message: object, key: keyof T): Promise<T> =>
    new Promise((resolve) => {
      const listener = (reply: T) => {
        if (reply && typeof reply === 'object' && key in reply) {
          server.off('message', listener);
          resolve(reply);
        }
      };
      server.on('message', listener);
      if (Object.keys(message).length > 0) server.send(message);
    });
  const { url } = await ask<{ ready: boolean; url: string }>({}, 'ready');
  const token = await signUp(url);
  const clients: ReturnType<typeof createClient>[] = [];
  try {
    const before = (await ask<{ heapUsed: number }>({ measure: true }, 'heapUsed')).heapUsed;
    for (let i = 0; i < IDLE_SUBSCRIPTIONS; i += 100) {
      await Promise.all(
        Array.from({ length: Math.min(100, IDLE_SUBSCRIPTIONS - i) }, async () => {
          const client = createClient({
            url: `${url.replace('http', 'ws')}/graphql`,
            webSocketImpl: WebSocket,
            connectionParams: { authorization: `Bearer ${token}` },
            lazy: false,
            retryAttempts: 0,
          });
          clients.push(client);
          await new Promise<void>((resolve, reject) => {
            client.on('connected', () => resolve());
            client.on('error', reject);
            client.subscribe(
              { query: 'subscription { sessionEvents { type } }' },
              { next: () => undefined, error: reject, complete: () => undefined },
            );
          });
        }),
      );
    }
    // Let the subscriptions settle (onSubscribe re-authenticates each one).
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const after = (await ask<{ heapUsed: number }>({ measure: true }, 'heapUsed')).heapUsed;
    const perSubscription = (after - before) / IDLE_SUBSCRIPTIONS / 1024;
    console.log(
      `(e) ${IDLE_SUBSCRIPTIONS} idle authenticated subscriptions: heap +${((after - before) / 1024 / 1024).toFixed(1)} MB, ${perSubscription.toFixed(1)} KB each`,
    );
    console.log(
      `e per subscription                  ${perSubscription.toFixed(1)} KB (target ≤ 30 KB) ${perSubscription <= 30 ? 'met' : 'NOT MET'}`,
    );
    return perSubscription <= 30;
  } finally {
    await Promise.all(clients.map((client) => client.dispose()));
    server.send({ stop: true });
  }
}
