import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Webhook } from 'standardwebhooks';
import { freePort } from '../src/lib/free-port';
import { STRONG_PASSWORD } from './support/actors';
import { CreateApiKey } from './support/api-key-documents';
import { SignUp } from './support/documents';
import { Actor, typed } from './support/graphql';
import { eventually } from './support/jobs';
import { sized } from './support/scale';
import { freshDatabase, uniqueEmail } from './support/server';
import { CreateWebhookEndpoint, PublishEvent } from './support/webhook-documents';
import { WebhookReceiver } from './support/webhook-receiver';

/** The compiled server, as `pnpm --filter @atrium/server start` runs it. */
const MAIN = path.join(__dirname, '..', 'dist', 'main.js');
/** 300 in the suite; the bench's stress row publishes 1,000. */
const EVENTS = sized(300, 1000);
const PUBLISHERS = 8;
const FAILURE_RATE = 0.2;
/** Kill the delivering process when the receiver has accepted this many deliveries. */
const KILL_AT = [EVENTS / 4, (EVENTS * 3) / 5];

const MyOrganizations = typed<{ myOrganizations: Array<{ id: string }> }>(
  'query MyOrganizations { myOrganizations { id } }',
);

/** Starts dist/main.js on `port`, resolving once it answers /readyz. */
async function startServer(
  env: Record<string, string>,
  port: number,
): Promise<{ child: ChildProcess; url: string }> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build the server first`);
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  let exited = false;
  child.once('exit', () => (exited = true));
  await eventually('the server to be ready', async () => {
    if (exited) throw new Error('the server exited before it was ready');
    return fetch(`${url}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
  });
  return { child, url };
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/**
 * Chaos: 1,000 events published through the API while the receiver fails 20 % of attempts at
 * random and the one server process (which both takes the publishes and delivers) is killed with
 * SIGKILL twice and started again. Publishers retry a call whose answer they never got with the
 * same idempotency key. Every event must arrive, each under one webhook-id only; the same
 * webhook-id may arrive twice (at-least-once), and the test prints how often it did.
 */
it('delivers every event under one webhook-id each, through two SIGKILLs and a flaky receiver', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'atrium-chaos-'));
  const database = await freshDatabase(dir);
  const receiver = await WebhookReceiver.start();
  const env = {
    DATABASE_URL: database.url,
    SECRET_KEY: 'chaos-secret-key-0123456789abcdef0123456789abcdef',
    OUTBOX_DIR: path.join(dir, 'outbox'),
    LOG_LEVEL: 'warn',
    WEBHOOK_RETRY_SCHEDULE: '0,100ms,200ms,400ms,800ms,1s,1s,1s,1s,1s,1s,1s',
  };
  let random = 42;
  const flaky = () => {
    // A fixed sequence, so a run can be repeated.
    random = (random * 1103515245 + 12345) % 2 ** 31;
    return random / 2 ** 31 < FAILURE_RATE;
  };
  receiver.answer(() => (flaky() ? { status: 503 } : { status: 204 }));
  const port = await freePort();
  let server = await startServer(env, port);
  const restarts: number[] = [];
  try {
    const email = uniqueEmail('chaos');
    const signedUp = await new Actor(server.url).run(SignUp, {
      input: { email, password: STRONG_PASSWORD, fullName: 'Chaos Owner', issueToken: true },
    });
    const owner = new Actor(server.url).withToken(signedUp.signUp.token as string);
    const me = await owner.run(MyOrganizations, {});
    const organizationId = me.myOrganizations[0].id;
    const { createWebhookEndpoint } = await owner.run(CreateWebhookEndpoint, {
      input: { organizationId, url: `${receiver.url}/chaos`, eventTypes: ['call.completed'] },
    });
    const { secret } = createWebhookEndpoint;
    const { createApiKey } = await owner.run(CreateApiKey, {
      input: { organizationId, name: 'Chaos', scopes: ['EVENTS_PUBLISH'] },
    });

    let current = server.url;
    let publishRetries = 0;
    const publishOne = async (n: number): Promise<void> => {
      for (;;) {
        try {
          const tool = new Actor(current).withToken(createApiKey.secret);
          const result = await tool.execute(PublishEvent, {
            input: { type: 'call.completed', data: { n }, idempotencyKey: `chaos-${n}` },
          });
          if (!result.errors) return;
        } catch {
          // The process is down: the answer never came.
        }
        publishRetries += 1;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    let next = 0;
    const publishing = Promise.all(
      Array.from({ length: PUBLISHERS }, async () => {
        while (next < EVENTS) await publishOne(next++);
      }),
    );
    const accepted = () => receiver.received.filter((r) => r.status === 204).length;
    for (const threshold of KILL_AT) {
      await eventually(`${threshold} accepted deliveries`, () => accepted() >= threshold, 60_000);
      server.child.kill('SIGKILL');
      await killed(server.child);
      restarts.push(accepted());
      server = await startServer(env, port);
      current = server.url;
    }
    await publishing;

    const deliveredEvents = () =>
      new Set(
        receiver.received
          .filter((r) => r.status === 204)
          .map((r) => (JSON.parse(r.body) as { data: { n: number } }).data.n),
      );
    await eventually('every event delivered', () => deliveredEvents().size === EVENTS, 60_000);

    const idsPerEvent = new Map<number, Set<string>>();
    const acceptedPerId = new Map<string, number>();
    for (const request of receiver.received) {
      const payload = new Webhook(secret).verify(
        request.body,
        request.headers as Record<string, string>,
      ) as { data: { n: number } };
      const id = String(request.headers['webhook-id']);
      idsPerEvent.set(payload.data.n, (idsPerEvent.get(payload.data.n) ?? new Set()).add(id));
      if (request.status === 204) acceptedPerId.set(id, (acceptedPerId.get(id) ?? 0) + 1);
    }
    const duplicates = [...acceptedPerId.values()].reduce((sum, count) => sum + count - 1, 0);
    process.stdout.write(
      `chaos: ${EVENTS} events, ${receiver.received.length} requests ` +
        `(${receiver.received.filter((r) => r.status === 503).length} answered 503), ` +
        `killed after ${restarts.join(' and ')} accepted deliveries, ` +
        `${publishRetries} publish calls retried, ${duplicates} duplicate deliveries (same webhook-id)\n`,
    );
    expect(deliveredEvents().size).toBe(EVENTS);
    // Never one event under two webhook-ids: a retried publish answered the first event.
    expect([...idsPerEvent.values()].filter((ids) => ids.size !== 1)).toEqual([]);
    expect(acceptedPerId.size).toBe(EVENTS);
    server.child.kill('SIGTERM');
    await killed(server.child);
  } finally {
    if (server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGKILL');
      await killed(server.child);
    }
    await receiver.close();
    await database.drop();
  }
}, 150_000);
