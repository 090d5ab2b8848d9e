import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { DataSource } from 'typeorm';
import type { AtriumServer } from '../src/app';
import { loadConfig } from '../src/config/env';
import { createDataSource } from '../src/db/data-source';
import { ENTITIES } from '../src/modules';
import { UsageCounterEntity } from '../src/modules/usage/usage-counter.entity';
import { STRONG_PASSWORD } from './support/actors';
import { CreateApiKey, OrganizationName } from './support/api-key-documents';
import { SignUp } from './support/documents';
import { Actor } from './support/graphql';
import { MyOrganizations } from './support/organization-documents';
import { seedOrganization } from './support/organizations';
import { freshDatabase, startTestServer, uniqueEmail } from './support/server';

/**
 * Requests made with an API key count into the organization's API_REQUESTS usage per quarter
 * hour, in memory, written in batches: no database write per request, and nothing lost at
 * SIGTERM.
 */
async function requestsCounted(dataSource: DataSource, organizationId: string): Promise<number> {
  const rows = await dataSource
    .getRepository(UsageCounterEntity)
    .findBy({ organizationId, metric: 'API_REQUESTS' });
  return rows.reduce((sum, row) => sum + row.quantity, 0);
}

const requestsIn = (atrium: AtriumServer, organizationId: string) =>
  requestsCounted(atrium.dataSource, organizationId);

/** `total` requests, `parallel` at a time. */
async function hammer(tool: Actor, organizationId: string, total: number, parallel = 20) {
  let sent = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (sent < total) {
        sent += 1;
        const result = await tool.execute(OrganizationName, { id: organizationId });
        if (result.errors) throw new Error(JSON.stringify(result.errors));
      }
    }),
  );
}

describe('metering in a running server', () => {
  let atrium: AtriumServer;
  beforeAll(async () => {
    atrium = await startTestServer();
  });
  afterAll(() => atrium.close());

  it('counts 1,000 key requests with one write, not one per request', async () => {
    const org = await seedOrganization(atrium).member('owner', 'OWNER').build();
    const created = await org.people.owner.actor.run(CreateApiKey, {
      input: { organizationId: org.id, name: 'Meter', scopes: ['ORGANIZATION_READ'] },
    });
    const tool = new Actor(atrium.url).withToken(created.createApiKey.secret);
    // A session's requests are not metered: only keys'.
    await org.people.owner.actor.run(OrganizationName, { id: org.id });

    await atrium.services.jobRunner.stop();
    // The periodic flush waits: how many it would make depends on how long the run takes.
    await atrium.services.usageMeter.stop();
    const logQuery = jest.spyOn(atrium.dataSource.logger, 'logQuery');
    try {
      await hammer(tool, org.id, 1000);
      await atrium.services.usageMeter.flush();
      const statements = logQuery.mock.calls.map(([sql]) => sql.trim());
      const writes = statements.filter((sql) => /^(INSERT|UPDATE|DELETE|REPLACE)\b/i.test(sql));
      // Reads: one key lookup per coalesced batch, one organization read per request.
      expect(statements.length).toBeLessThanOrEqual(2000);
      // Writes: the last-used stamp once, and the usage in one statement at the flush.
      expect(writes.filter((sql) => /api_keys/.test(sql))).toHaveLength(1);
      expect(writes.filter((sql) => /usage_counters/.test(sql))).toHaveLength(1);
      expect(writes).toHaveLength(2);
    } finally {
      logQuery.mockRestore();
      atrium.services.usageMeter.start();
      atrium.services.jobRunner.start();
    }
    expect(await requestsIn(atrium, org.id)).toBe(1000);
  }, 60_000);

  it('keeps counting into the same day: a second batch adds to the first', async () => {
    const org = await seedOrganization(atrium).member('owner', 'OWNER').build();
    const created = await org.people.owner.actor.run(CreateApiKey, {
      input: { organizationId: org.id, name: 'Meter', scopes: ['ORGANIZATION_READ'] },
    });
    const tool = new Actor(atrium.url).withToken(created.createApiKey.secret);
    await hammer(tool, org.id, 30, 5);
    await atrium.services.usageMeter.flush();
    await hammer(tool, org.id, 12, 3);
    await atrium.services.usageMeter.flush();
    expect(await requestsIn(atrium, org.id)).toBe(42);
  });
});

/** The compiled server, as `pnpm --filter @atrium/server start` runs it. */
const MAIN = path.join(__dirname, '..', 'dist', 'main.js');

function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build the server first`);
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.msg === 'listening') resolve({ child, url: String(entry.url) });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening`)));
  });
}

it('writes what it counted when stopped with SIGTERM', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'atrium-metering-'));
  const database = await freshDatabase(dir);
  const { child, url } = await startServer({
    PORT: '0',
    DATABASE_URL: database.url,
    SECRET_KEY: 'test-secret-key-0123456789abcdef0123456789abcdef',
    OUTBOX_DIR: path.join(dir, 'outbox'),
    CLIENT_DIST_DIR: path.join(dir, 'no-client'),
    LOG_LEVEL: 'info',
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  try {
    const signUp = await new Actor(url).run(SignUp, {
      input: {
        email: uniqueEmail('meter'),
        password: STRONG_PASSWORD,
        fullName: 'Meter Person',
        issueToken: true,
      },
    });
    const owner = new Actor(url).withToken(signUp.signUp.token as string);
    const { myOrganizations } = await owner.run(MyOrganizations);
    const organizationId = myOrganizations[0].id;
    const created = await owner.run(CreateApiKey, {
      input: { organizationId, name: 'Meter', scopes: ['ORGANIZATION_READ'] },
    });
    await hammer(new Actor(url).withToken(created.createApiKey.secret), organizationId, 250, 10);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);

    const dataSource = await createDataSource(
      loadConfig({ DATABASE_URL: database.url, SECRET_KEY: 'x'.repeat(32) }).database,
      ENTITIES,
    );
    await dataSource.initialize();
    try {
      expect(await requestsCounted(dataSource, organizationId)).toBe(250);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    await database.drop();
  }
}, 60_000);
