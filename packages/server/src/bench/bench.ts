import path from 'node:path';
import { createConnection } from 'mysql2/promise';
import { createApiKey, signUp } from './client';
import { INSTALL_WRK_HINT, loadGenerator } from './load';
import { logInVersusHash } from './login';
import { idleSubscriptionMemory } from './memory';
import { notificationLatency, revocationLatency } from './realtime';
import { launch, launchAtrium, type BenchServer } from './servers';
import { stressTests } from './stress';
import { measureThroughput, printThroughput, type RatioTarget, type Target } from './throughput';
import { webhookDelivery } from './webhook-latency';

/**
 * `pnpm bench`, on MySQL/MariaDB (and Redis for the rows across instances):
 *
 * - throughput, in one run of interleaved rounds: Atrium's `{ __typename }`, an authenticated
 *   `me`, and `organization(id) { name }` with a session token and with an API key, beside its
 *   peers on the same machine and database: the ceiling (node:http doing the same batched session
 *   SELECT and nothing else), a bare Apollo Server, mercurius, and better-auth's get-session;
 *   requests/s, latency and the server's CPU time per request, and the ratios the product
 *   targets;
 * - (j) log-in against one password hash;
 * - (d) revocation on one instance heard on another, (h) a notification likewise;
 * - (i) a published event's first byte at a webhook receiver;
 * - (e) heap per idle authenticated subscription;
 * - stress: the suite's chaos and load tests at their full size.
 *
 * BENCH_ONLY=throughput,login,revocation,notifications,webhooks,memory,stress picks rows.
 */
const SECONDS = Number(process.env.BENCH_DURATION ?? 5);
const WARM_UP_SECONDS = Number(process.env.BENCH_WARMUP ?? 1);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const LOG_INS = Number(process.env.BENCH_LOGINS ?? 40);
const DATABASE_URL =
  process.env.BENCH_DATABASE_URL ??
  process.env.DATABASE_URL ??
  'mysql://root@127.0.0.1:3306/atrium_bench';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** BENCH_TARGETS=me,apollo,… measures only those throughput rows (all by default). */
const ONLY_TARGETS = process.env.BENCH_TARGETS?.split(',');
const ROWS = new Set(
  (
    process.env.BENCH_ONLY ?? 'throughput,login,revocation,notifications,webhooks,memory,stress'
  ).split(','),
);

const TYPENAME = JSON.stringify({ query: '{ __typename }' });
const ME = JSON.stringify({ query: 'query Me { me { id email fullName } }' });
const JSON_POST = { 'content-type': 'application/json' };

const TARGETS: RatioTarget[] = [
  {
    label: 'me ÷ bare Apollo',
    numerator: 'me',
    denominator: 'apollo',
    measure: 'requests/s',
    bound: 1.5,
  },
  {
    label: 'me ÷ mercurius',
    numerator: 'me',
    denominator: 'mercurius',
    measure: 'requests/s',
    bound: 0.9,
  },
  {
    label: 'me ÷ better-auth',
    numerator: 'me',
    denominator: 'better-auth',
    measure: 'requests/s',
    bound: 10,
  },
  {
    label: 'me ÷ ceiling',
    numerator: 'me',
    denominator: 'ceiling',
    measure: 'requests/s',
    bound: 0.6,
  },
  {
    label: '{ __typename } ÷ bare Apollo',
    numerator: 'typename',
    denominator: 'apollo',
    measure: 'requests/s',
    bound: 1,
  },
  {
    label: 'me p99 ≤ bare Apollo p99',
    numerator: 'me',
    denominator: 'apollo',
    measure: 'p99',
    bound: 1,
  },
  {
    label: 'API key ÷ session token',
    numerator: 'org-key',
    denominator: 'org-session',
    measure: 'requests/s',
    bound: 1,
  },
];

async function main(): Promise<void> {
  if (!/^(mysql|mariadb):/.test(DATABASE_URL))
    throw new Error('The bench runs on MySQL/MariaDB: set BENCH_DATABASE_URL');
  await ensureDatabase(DATABASE_URL);
  const started = Date.now();
  const results: boolean[] = [];
  if (ROWS.has('throughput') || ROWS.has('login')) results.push(await throughputAndLogIn());
  if (ROWS.has('revocation')) results.push(await revocationLatency(DATABASE_URL, REDIS_URL));
  if (ROWS.has('notifications')) results.push(await notificationLatency(DATABASE_URL, REDIS_URL));
  if (ROWS.has('webhooks')) results.push(await webhookDelivery(DATABASE_URL));
  if (ROWS.has('memory')) results.push(await idleSubscriptionMemory(DATABASE_URL));
  if (ROWS.has('stress')) results.push(await stressTests(DATABASE_URL, REDIS_URL));
  console.log(
    `\nbench: ${results.every(Boolean) ? 'every target met' : 'some targets NOT MET'} (${Math.round((Date.now() - started) / 1000)} s)`,
  );
}

async function throughputAndLogIn(): Promise<boolean> {
  const servers: BenchServer[] = [];
  const start = async (server: Promise<BenchServer>) => {
    servers.push(await server);
    return servers[servers.length - 1];
  };
  try {
    const atrium = await start(
      launchAtrium({ DATABASE_URL, LOG_LEVEL: 'info', TRUSTED_PROXIES: '127.0.0.1,::1' }),
    );
    const email = `bench-${Date.now()}@example.test`;
    const token = await signUp(atrium.url, email);
    let met = true;
    if (ROWS.has('throughput')) {
      const { organizationId, secret } = await createApiKey(atrium.url, token);
      const peer = (name: string, env: Record<string, string> = {}) =>
        start(launch(path.join(__dirname, 'peers', `${name}.js`), env, 'ipc'));
      const ceiling = await peer('ceiling', { DATABASE_URL });
      const apollo = await peer('bare-apollo');
      const mercurius = await peer('mercurius');
      const betterAuth = await peer('better-auth', { DATABASE_URL });
      const bearer = (credential: string) => ({
        ...JSON_POST,
        authorization: `Bearer ${credential}`,
      });
      const organizationName = JSON.stringify({
        query: 'query OrganizationName($id: ID!) { organization(id: $id) { name } }',
        variables: { id: organizationId },
      });
      const post = (server: BenchServer, body: string, headers: Record<string, string>) =>
        ({ server, method: 'POST', path: '/graphql', body, headers }) as const;
      const targets: Target[] = [
        {
          key: 'ceiling',
          name: 'node:http + batched SELECT, me (ceiling)',
          ...post(ceiling, ME, bearer(token)),
        },
        {
          key: 'apollo',
          name: 'bare Apollo 5 { __typename }',
          ...post(apollo, TYPENAME, JSON_POST),
        },
        {
          key: 'mercurius',
          name: 'mercurius 16 { __typename }',
          ...post(mercurius, TYPENAME, JSON_POST),
        },
        {
          key: 'better-auth',
          name: 'better-auth get-session (cookie cache off)',
          server: betterAuth,
          method: 'GET',
          path: '/api/auth/get-session',
          headers: { cookie: String(betterAuth.ready.cookie) },
        },
        { key: 'typename', name: 'Atrium { __typename }', ...post(atrium, TYPENAME, JSON_POST) },
        {
          key: 'me',
          name: 'Atrium me { id email fullName }, session token',
          ...post(atrium, ME, bearer(token)),
        },
        {
          key: 'org-session',
          name: 'Atrium organization(id){name}, session token',
          ...post(atrium, organizationName, bearer(token)),
        },
        {
          key: 'org-key',
          name: 'Atrium organization(id){name}, API key',
          ...post(atrium, organizationName, bearer(secret)),
        },
      ];
      const generator = loadGenerator();
      if (generator === 'autocannon') console.log(INSTALL_WRK_HINT);
      const figures = await measureThroughput(
        targets.filter((target) => !ONLY_TARGETS || ONLY_TARGETS.includes(target.key)),
        {
          rounds: ROUNDS,
          seconds: SECONDS,
          warmUpSeconds: WARM_UP_SECONDS,
          connections: CONNECTIONS,
        },
      );
      met = printThroughput(
        figures,
        TARGETS,
        `throughput: ${ROUNDS} interleaved rounds of ${SECONDS} s after ${WARM_UP_SECONDS} s of warm-up each (medians), ${CONNECTIONS} connections, ${generator === 'wrk' ? 'wrk, 1 thread' : 'autocannon'}, Node ${process.version}, MySQL/MariaDB`,
      );
    }
    if (ROWS.has('login')) met = (await logInVersusHash(atrium.url, email, LOG_INS)) && met;
    return met;
  } finally {
    for (const server of servers) server.stop();
  }
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
