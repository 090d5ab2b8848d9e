import { fork, type ChildProcess } from 'node:child_process';
import { randomInt } from 'node:crypto';
import path from 'node:path';
import autocannon from 'autocannon';
import { freePort } from '../lib/free-port';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createConnection } from 'mysql2/promise';
import { webhookLatency } from './webhook-latency';

/**
 * `pnpm bench`: in one run, the same load against (a) a bare Apollo Server, (b) Atrium, both
 * answering `{ __typename }`, and (c) Atrium answering an authenticated `me` on MySQL/MariaDB.
 * Targets: b/a ≥ 0.85 and c/a ≥ 0.6 in requests/s, c's p99 ≤ 3× a's. Then (d) the
 * latency of a revocation on instance A reaching a sessionEvents subscriber on instance B
 * through Redis: p99 < 100 ms over REVOCATIONS revocations. In the same rounds as (a)–(c), the
 * `me` of a key, `organization(id) { name }`, with (f) a session token and (g) an API key: a key
 * request costs no more than a session's (g/f ≥ 1.0), metering included. (h): a tool's
 * `sendNotification` on A until the person's `notificationFeed` on B hears it: p99 < 100 ms.
 * (i) Webhooks: from a publishEvent request to the first byte at a healthy local receiver,
 * p99 < 1 s.
 */
const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const DATABASE_URL =
  process.env.BENCH_DATABASE_URL ??
  process.env.DATABASE_URL ??
  'mysql://root@127.0.0.1:3306/atrium_bench';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const REVOCATIONS = Number(process.env.BENCH_REVOCATIONS ?? 200);
const NOTIFICATIONS = Number(process.env.BENCH_NOTIFICATIONS ?? 200);
const TYPENAME = JSON.stringify({ query: '{ __typename }' });
const ME = JSON.stringify({ query: 'query Me { me { id email fullName timezone locale } }' });

interface Figure {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  failures: number;
}

async function main(): Promise<void> {
  if (!/^(mysql|mariadb):/.test(DATABASE_URL))
    throw new Error('The bench runs (c) on MySQL/MariaDB: set BENCH_DATABASE_URL');
  await ensureDatabase(DATABASE_URL);
  // BENCH_ONLY=webhooks runs the webhook row alone.
  if (process.env.BENCH_ONLY === 'webhooks') return webhookDelivery();

  const bare = await launch(path.join(__dirname, 'bare-apollo.js'), {});
  const atrium = await launch(path.join(__dirname, '..', 'main.js'), {
    DATABASE_URL,
    SECRET_KEY: 'bench-secret-key-0123456789abcdef0123456789abcdef',
    LOG_LEVEL: 'info',
  });
  try {
    const token = await signUp(atrium.url);
    const { organizationId, secret } = await createApiKey(atrium.url, token);
    const organizationName = JSON.stringify({
      query: 'query OrganizationName($id: ID!) { organization(id: $id) { name } }',
      variables: { id: organizationId },
    });
    // Interleaved rounds, medians reported: this machine's speed drifts between runs, and a
    // ratio of two numbers taken minutes apart would measure the drift.
    const targets: Array<{
      name: string;
      url: string;
      body: string;
      headers: Record<string, string>;
    }> = [
      { name: '(a) bare Apollo { __typename }', url: bare.url, body: TYPENAME, headers: {} },
      { name: '(b) Atrium { __typename }', url: atrium.url, body: TYPENAME, headers: {} },
      {
        name: '(c) Atrium authenticated me (MySQL/MariaDB)',
        url: atrium.url,
        body: ME,
        headers: { authorization: `Bearer ${token}` },
      },
      {
        name: '(f) organization(id){name}, session token',
        url: atrium.url,
        body: organizationName,
        headers: { authorization: `Bearer ${token}` },
      },
      {
        name: '(g) organization(id){name}, API key',
        url: atrium.url,
        body: organizationName,
        headers: { authorization: `Bearer ${secret}` },
      },
    ];
    for (const target of targets) await warmUp(target.url, target.body, target.headers);
    const rounds: Figure[][] = targets.map(() => []);
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [i, target] of targets.entries()) {
        rounds[i].push(await measure(target.name, target.url, target.body, target.headers));
      }
    }
    report(rounds.map(median));
  } finally {
    bare.process.kill('SIGTERM');
    atrium.process.kill('SIGTERM');
  }
  await revocationLatency();
  await notificationLatency();
  await webhookDelivery();
  await idleSubscriptionMemory();
}

/** (i): publishEvent → first byte at a healthy local receiver; p99 under 1 s. */
async function webhookDelivery(): Promise<void> {
  const atrium = await launch(path.join(__dirname, '..', 'main.js'), {
    DATABASE_URL,
    SECRET_KEY: 'bench-secret-key-0123456789abcdef0123456789abcdef',
    LOG_LEVEL: 'warn',
    // The receiver is on this machine: outside production, private targets are allowed.
    NODE_ENV: 'development',
  });
  try {
    const token = await signUp(atrium.url, `bench-hooks-${Date.now()}@example.test`);
    const { organizationId, secret } = await createApiKey(atrium.url, token, ['EVENTS_PUBLISH']);
    const { p50, p99, max, count } = await webhookLatency(
      atrium.url,
      secret,
      token,
      organizationId,
      graphql,
    );
    console.log(
      `(i) publishEvent sent → first byte at the receiver, ${count} events one at a time (MySQL/MariaDB): p50 ${p50.toFixed(1)} ms   p99 ${p99.toFixed(1)} ms   max ${max.toFixed(1)} ms`,
    );
    console.log(
      `h p99           ${p99.toFixed(1)} ms (target < 1000 ms) ${p99 < 1000 ? 'met' : 'NOT MET'}`,
    );
  } finally {
    atrium.process.kill('SIGTERM');
  }
}

const IDLE_SUBSCRIPTIONS = Number(process.env.BENCH_SUBSCRIPTIONS ?? 10_000);

/** (e): heap per idle authenticated sessionEvents subscription on one instance. */
async function idleSubscriptionMemory(): Promise<void> {
  const port = await freePort();
  const server = fork(path.join(__dirname, 'heap-server.js'), [], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL,
      SECRET_KEY: 'bench-secret-key-0123456789abcdef0123456789abcdef',
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
      `e per subscription ${perSubscription.toFixed(1)} KB (target ≤ 30 KB) ${perSubscription <= 30 ? 'met' : 'NOT MET'}`,
    );
  } finally {
    await Promise.all(clients.map((client) => client.dispose()));
    server.send({ stop: true });
  }
}

/** (d): revoke on A, time until B's subscriber hears it. */
async function revocationLatency(): Promise<void> {
  const env = {
    DATABASE_URL,
    REDIS_URL,
    // Each log-in below comes from its own client address, as separate people's would; one
    // address signing in hundreds of times would (rightly) hit the per-IP log-in limit.
    TRUSTED_PROXIES: '127.0.0.1,::1',
    SECRET_KEY: 'bench-secret-key-0123456789abcdef0123456789abcdef',
    LOG_LEVEL: 'warn',
  };
  const a = await launch(path.join(__dirname, '..', 'main.js'), env);
  const b = await launch(path.join(__dirname, '..', 'main.js'), env);
  const email = `bench-revoke-${Date.now()}@example.test`;
  const observerToken = await signUp(a.url, email);
  const heard = new Map<string, (at: number) => void>();
  const observer = createClient({
    url: `${b.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${observerToken}` },
  });
  const subscribed = new Promise<void>((resolve) => observer.on('connected', () => resolve()));
  observer.subscribe<{ sessionEvents: { type: string; session: { id: string } } }>(
    { query: 'subscription { sessionEvents { type session { id } } }' },
    {
      next: ({ data }) => {
        if (data?.sessionEvents.type === 'REVOKED')
          heard.get(data.sessionEvents.session.id)?.(performance.now());
      },
      error: (error) => console.error('subscription failed', error),
      complete: () => undefined,
    },
  );
  await subscribed;
  await new Promise((resolve) => setTimeout(resolve, 200));
  const latencies: number[] = [];
  try {
    for (let i = 0; i < REVOCATIONS; i += 1) {
      const sessionId = await logInSession(a.url, email);
      const arrived = new Promise<number>((resolve, reject) => {
        heard.set(sessionId, resolve);
        setTimeout(
          () => reject(new Error(`no event for revocation ${i} within 5 s`)),
          5000,
        ).unref();
      });
      const started = performance.now();
      await graphql(a.url, observerToken, 'mutation ($id: ID!) { revokeSession(id: $id) { id } }', {
        id: sessionId,
      });
      latencies.push((await arrived) - started);
      heard.delete(sessionId);
    }
  } finally {
    await observer.dispose();
    a.process.kill('SIGTERM');
    b.process.kill('SIGTERM');
  }
  latencies.sort((x, y) => x - y);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)];
  console.log(
    `(d) revocation on A → event on B via Redis, ${latencies.length} revocations: p50 ${at(0.5).toFixed(1)} ms   p99 ${at(0.99).toFixed(1)} ms   max ${at(1).toFixed(1)} ms`,
  );
  console.log(
    `d p99           ${at(0.99).toFixed(1)} ms (target < 100 ms) ${at(0.99) < 100 ? 'met' : 'NOT MET'}`,
  );
}

/** (h): a tool notifies a person through A; time until their tab on B hears it. */
async function notificationLatency(): Promise<void> {
  const env = {
    DATABASE_URL,
    REDIS_URL,
    SECRET_KEY: 'bench-secret-key-0123456789abcdef0123456789abcdef',
    LOG_LEVEL: 'warn',
  };
  const a = await launch(path.join(__dirname, '..', 'main.js'), env);
  const b = await launch(path.join(__dirname, '..', 'main.js'), env);
  const token = await signUp(a.url, `bench-notify-${Date.now()}@example.test`);
  const { me } = (await graphql(a.url, token, '{ me { id } }', {})) as { me: { id: string } };
  const { secret } = await createApiKey(a.url, token, ['NOTIFICATIONS_SEND']);
  const heard = new Map<string, (at: number) => void>();
  const tab = createClient({
    url: `${b.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
  });
  const subscribed = new Promise<void>((resolve) => tab.on('connected', () => resolve()));
  tab.subscribe<{ notificationFeed: { notification: { title: string } | null } }>(
    { query: 'subscription { notificationFeed { unreadCount notification { title } } }' },
    {
      next: ({ data }) => {
        const title = data?.notificationFeed.notification?.title;
        if (title) heard.get(title)?.(performance.now());
      },
      error: (error) => console.error('subscription failed', error),
      complete: () => undefined,
    },
  );
  await subscribed;
  await new Promise((resolve) => setTimeout(resolve, 200));
  const fromSend: number[] = [];
  const afterAnswer: number[] = [];
  try {
    for (let i = 0; i < NOTIFICATIONS; i += 1) {
      const title = `Bench notice ${i}`;
      const arrived = new Promise<number>((resolve, reject) => {
        heard.set(title, resolve);
        setTimeout(() => reject(new Error(`no feed event for ${title} within 5 s`)), 5000).unref();
      });
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
    a.process.kill('SIGTERM');
    b.process.kill('SIGTERM');
  }
  const quantile = (values: number[], q: number) => {
    const sorted = [...values].sort((x, y) => x - y);
    return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  };
  const p99 = quantile(afterAnswer, 0.99);
  console.log(
    `(h) sendNotification on A → notificationFeed on B via Redis, ${afterAnswer.length} notices: after the answer p50 ${quantile(afterAnswer, 0.5).toFixed(1)} ms   p99 ${p99.toFixed(1)} ms; from the request p50 ${quantile(fromSend, 0.5).toFixed(1)} ms   p99 ${quantile(fromSend, 0.99).toFixed(1)} ms`,
  );
  console.log(
    `h p99           ${p99.toFixed(1)} ms (target < 100 ms) ${p99 < 100 ? 'met' : 'NOT MET'}`,
  );
}

async function logInSession(url: string, email: string): Promise<string> {
  const data = (await graphql(
    url,
    null,
    'mutation ($input: LogInInput!) { logIn(input: $input) { ... on AuthPayload { session { id } } } }',
    {
      input: { email, password: 'Quiet-Lantern-Orbit-1', issueToken: true },
    },
  )) as { logIn: { session: { id: string } } };
  return data.logIn.session.id;
}

async function graphql(
  url: string,
  token: string | null,
  query: string,
  variables: Record<string, unknown>,
): Promise<unknown> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': `10.${randomInt(1, 255)}.${randomInt(1, 255)}.${randomInt(1, 255)}`,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

function report(figures: Figure[]): void {
  const [a, b, c, f, g] = figures;
  console.log(
    `\nbench: ${ROUNDS} interleaved rounds of ${DURATION}s each (medians), ${CONNECTIONS} connections, Node ${process.version}`,
  );
  for (const f of figures) {
    console.log(
      `${f.name.padEnd(46)} ${f.requestsPerSecond.toFixed(0).padStart(7)} req/s   p50 ${f.p50} ms   p99 ${f.p99} ms${f.failures ? `   FAILURES ${f.failures}` : ''}`,
    );
  }
  const checks = [
    [
      'b/a requests/s',
      b.requestsPerSecond / a.requestsPerSecond,
      '≥ 0.85',
      b.requestsPerSecond / a.requestsPerSecond >= 0.85,
    ],
    [
      'c/a requests/s',
      c.requestsPerSecond / a.requestsPerSecond,
      '≥ 0.60',
      c.requestsPerSecond / a.requestsPerSecond >= 0.6,
    ],
    ['c/a p99', c.p99 / Math.max(a.p99, 1), '≤ 3.00', c.p99 / Math.max(a.p99, 1) <= 3],
    [
      'g/f requests/s',
      g.requestsPerSecond / f.requestsPerSecond,
      '≥ 1.00',
      g.requestsPerSecond / f.requestsPerSecond >= 1,
    ],
  ] as const;
  for (const [label, ratio, target, met] of checks) {
    console.log(
      `${label.padEnd(16)} ${ratio.toFixed(2)}  (target ${target}) ${met ? 'met' : 'NOT MET'}`,
    );
  }
}

async function measure(
  name: string,
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<Figure> {
  const options = {
    url: `${url}/graphql`,
    method: 'POST' as const,
    body,
    headers: { 'content-type': 'application/json', ...headers },
    connections: CONNECTIONS,
  };
  const result = await autocannon({ ...options, duration: DURATION });
  return {
    name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.errors + result.non2xx,
  };
}

/** JIT, pools and caches warm before anything counts. */
async function warmUp(url: string, body: string, headers: Record<string, string>): Promise<void> {
  await autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
    connections: CONNECTIONS,
    duration: 2,
  });
}

/** The round with the median requests/s stands for the target (its p99 with it). */
function median(figures: Figure[]): Figure {
  const sorted = [...figures].sort((x, y) => x.requestsPerSecond - y.requestsPerSecond);
  const middle = sorted[Math.floor(sorted.length / 2)];
  return { ...middle, failures: figures.reduce((sum, f) => sum + f.failures, 0) };
}

async function launch(
  script: string,
  env: Record<string, string>,
): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  const child = fork(script, [], {
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: TYPENAME,
      });
      if (response.ok) return { url, process: child };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error(`${script} did not start`);
}

async function signUp(url: string, email = `bench-${Date.now()}@example.test`): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation ($input: SignUpInput!) { signUp(input: $input) { token } }',
      variables: {
        input: {
          email,
          password: 'Quiet-Lantern-Orbit-1',
          fullName: 'Bench',
          issueToken: true,
        },
      },
    }),
  });
  const body = (await response.json()) as { data?: { signUp: { token: string } } };
  if (!body.data) throw new Error(`sign-up failed: ${JSON.stringify(body)}`);
  return body.data.signUp.token;
}

/** The signed-up account's organization and a key for it (sign-up just re-authenticated). */
async function createApiKey(
  url: string,
  token: string,
  scopes: string[] = ['ORGANIZATION_READ'],
): Promise<{ organizationId: string; secret: string }> {
  const { myOrganizations } = (await graphql(url, token, '{ myOrganizations { id } }', {})) as {
    myOrganizations: Array<{ id: string }>;
  };
  const organizationId = myOrganizations[0].id;
  const { createApiKey: created } = (await graphql(
    url,
    token,
    'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }',
    { input: { organizationId, name: 'Bench', scopes } },
  )) as { createApiKey: { secret: string } };
  return { organizationId, secret: created.secret };
}

async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  target.pathname = '/';
  const connection = await createConnection(target.toString());
  await connection.query(`CREATE DATABASE IF NOT EXISTS \`${name.replace(/`/g, '')}\``);
  await connection.end();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
