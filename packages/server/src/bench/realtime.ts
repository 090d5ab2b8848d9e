import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createApiKey, graphql, logIn, quantile, signUp } from './client';
import { launchAtrium, type BenchServer } from './servers';

const REVOCATIONS = Number(process.env.BENCH_REVOCATIONS ?? 200);
const NOTIFICATIONS = Number(process.env.BENCH_NOTIFICATIONS ?? 200);

/** Two instances sharing a database and Redis. */
async function twoInstances(
  databaseUrl: string,
  redisUrl: string,
): Promise<[BenchServer, BenchServer]> {
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    // Each log-in comes from its own client address, as separate people's would; one address
    // signing in hundreds of times would (rightly) hit the per-address log-in limit.
    TRUSTED_PROXIES: '127.0.0.1,::1',
    LOG_LEVEL: 'warn',
  };
  return [await launchAtrium(env), await launchAtrium(env)];
}

function subscribe<T>(
  url: string,
  token: string,
  query: string,
  next: (data: T) => void,
): Promise<ReturnType<typeof createClient>> {
  const client = createClient({
    url: `${url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
  });
  const connected = new Promise<void>((resolve) => client.on('connected', () => resolve()));
  client.subscribe<T>(
    { query },
    {
      next: ({ data }) => data && next(data),
      error: (error) => console.error('subscription failed', error),
      complete: () => undefined,
    },
  );
  // A moment for the subscription to be registered after the connection.
  return connected.then(() => new Promise((resolve) => setTimeout(() => resolve(client), 200)));
}

/** A promise for `key`'s arrival, with a deadline. */
function arrival(heard: Map<string, (at: number) => void>, key: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    heard.set(key, resolve);
    setTimeout(() => reject(new Error(`nothing heard for ${key} within 5 s`)), 5000).unref();
  });
}

/** (d): revoke on A, time until B's sessionEvents subscriber hears it. */
export async function revocationLatency(databaseUrl: string, redisUrl: string): Promise<boolean> {
  const [a, b] = await twoInstances(databaseUrl, redisUrl);
  const latencies: number[] = [];
  try {
    const email = `bench-revoke-${Date.now()}@example.test`;
    const observerToken = await signUp(a.url, email);
    const heard = new Map<string, (at: number) => void>();
    const observer = await subscribe<{ sessionEvents: { type: string; session: { id: string } } }>(
      b.url,
      observerToken,
      'subscription { sessionEvents { type session { id } } }',
      ({ sessionEvents }) => {
        if (sessionEvents.type === 'REVOKED')
          heard.get(sessionEvents.session.id)?.(performance.now());
      },
    );
    try {
      for (let i = 0; i < REVOCATIONS; i += 1) {
        const sessionId = await logIn(a.url, email);
        const arrived = arrival(heard, sessionId);
        const started = performance.now();
        await graphql(
          a.url,
          observerToken,
          'mutation ($id: ID!) { revokeSession(id: $id) { id } }',
          { id: sessionId },
        );
        latencies.push((await arrived) - started);
        heard.delete(sessionId);
      }
    } finally {
      await observer.dispose();
    }
  } finally {
    a.stop();
    b.stop();
  }
  const p99 = quantile(latencies, 0.99);
  console.log(
    `(d) revocation on A → event on B via Redis, ${latencies.length} revocations: p50 ${quantile(latencies, 0.5).toFixed(1)} ms   p99 ${p99.toFixed(1)} ms   max ${quantile(latencies, 1).toFixed(1)} ms`,
  );
  console.log(
    `d p99                               ${p99.toFixed(1)} ms (target < 100 ms) ${p99 < 100 ? 'met' : 'NOT MET'}`,
  );
  return p99 < 100;
}

/** (h): a tool notifies a person through A; time until their tab on B hears it. */
export async function notificationLatency(databaseUrl: string, redisUrl: string): Promise<boolean> {
  const [a, b] = await twoInstances(databaseUrl, redisUrl);
  const fromSend: number[] = [];
  const afterAnswer: number[] = [];
  try {
    const token = await signUp(a.url);
    const { me } = (await graphql(a.url, token, '{ me { id } }', {})) as { me: { id: string } };
    const { secret } = await createApiKey(a.url, token, ['NOTIFICATIONS_SEND']);
    const heard = new Map<string, (at: number) => void>();
    const tab = await subscribe<{ notificationFeed: { notification: { title: string } | null } }>(
      b.url,
      token,
      'subscription { notificationFeed { unreadCount notification { title } } }',
      ({ notificationFeed }) => {
        const title = notificationFeed.notification?.title;
        if (title) heard.get(title)?.(performance.now());
      },
    );
    try {
      for (let i = 0; i < NOTIFICATIONS; i += 1) {
        const title = `Bench notice ${i}`;
        const arrived = arrival(heard, title);
        const started = performance.now();
        await graphql(
          a.url,
          secret,
          'mutation ($input: SendNotificationInput!) { sendNotification(input: $input) { id } }',
          { input: { accountId: me.id, type: 'SYSTEM_ALERT', title, body: 'Bench' } },
        );
        const answered = performance.now();
        const at = await arrived;
        fromSend.push(at - started);
        // The event may beat the answer home: then it was there when the tool heard back.
        afterAnswer.push(Math.max(0, at - answered));
        heard.delete(title);
      }
    } finally {
      await tab.dispose();
    }
  } finally {
    a.stop();
    b.stop();
  }
  const p99 = quantile(afterAnswer, 0.99);
  console.log(
    `(h) sendNotification on A → notificationFeed on B via Redis, ${afterAnswer.length} notices: after the answer p50 ${quantile(afterAnswer, 0.5).toFixed(1)} ms   p99 ${p99.toFixed(1)} ms; from the request p50 ${quantile(fromSend, 0.5).toFixed(1)} ms   p99 ${quantile(fromSend, 0.99).toFixed(1)} ms`,
  );
  console.log(
    `h p99                               ${p99.toFixed(1)} ms (target < 100 ms) ${p99 < 100 ? 'met' : 'NOT MET'}`,
  );
  return p99 < 100;
}
