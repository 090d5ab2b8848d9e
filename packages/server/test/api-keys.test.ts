import { Writable } from 'node:stream';
import type { AtriumServer } from '../src/app';
import { startAtrium } from '../src/app';
import { loadConfig } from '../src/config/env';
import { JobEntity } from '../src/jobs/job.entity';
import { hashToken } from '../src/lib/tokens';
import { createLogger } from '../src/logger';
import { generateApiKeySecret } from '../src/modules/api-key/api-key-secret';
import { ApiKeyEntity } from '../src/modules/api-key/api-key.entity';
import { SessionEntity } from '../src/modules/session/session.entity';
import {
  ApiKeyScopeChoices,
  CreateApiKey,
  OrganizationApiKeys,
  OrganizationName,
  RevokeApiKey,
  RollApiKey,
} from './support/api-key-documents';
import { Me, MySecurityEvents } from './support/documents';
import { Actor, errorCode, type GraphQLResult } from './support/graphql';
import { LiveClient } from './support/live';
import { seedApiKey, seedOrganization } from './support/organizations';
import { freshDatabase } from './support/server';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Organization API keys through the API: issued once, listed without secrets, rolled with a
 * grace period, revoked, expired, refused when malformed without a database lookup. The server
 * logs at `trace` into memory, so a test can look for secrets in everything it wrote.
 */
let atrium: AtriumServer;
let logged = '';
let dropDatabase: () => Promise<void>;

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'atrium-keys-'));
  const database = await freshDatabase(dir);
  dropDatabase = database.drop;
  const config = loadConfig({
    DATABASE_URL: database.url,
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    PORT: '0',
    SECRET_KEY: 'test-secret-key-0123456789abcdef0123456789abcdef',
    OUTBOX_DIR: path.join(dir, 'outbox'),
    CLIENT_DIST_DIR: path.join(dir, 'no-client'),
    LOG_LEVEL: 'trace',
    TRUSTED_PROXIES: '127.0.0.1,::1',
  });
  const memory = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logged += chunk.toString();
      done();
    },
  });
  atrium = await startAtrium(config, createLogger('trace', memory));
});

afterAll(async () => {
  await atrium.close();
  await dropDatabase();
});

const DAY_MS = 24 * 60 * 60 * 1000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function fieldErrors(result: GraphQLResult<unknown>): Record<string, string> {
  expect(errorCode(result)).toBe('BAD_USER_INPUT');
  return (result.errors?.[0].extensions?.reasons ?? {}) as Record<string, string>;
}

async function ownerWithKey(
  scopes: string[] = ['ORGANIZATION_READ', 'MEMBERS_READ'],
  expiresAt: string | null = null,
) {
  const org = await seedOrganization(atrium)
    .member('owner', 'OWNER')
    .member('admin', 'ADMIN')
    .build();
  const { owner } = org.people;
  const created = await owner.actor.run(CreateApiKey, {
    input: { organizationId: org.id, name: 'Billing sync', scopes, expiresAt },
  });
  const { apiKey, secret } = created.createApiKey;
  return { org, owner, apiKey, secret, tool: new Actor(atrium.url).withToken(secret) };
}

async function canRead(tool: Actor, organizationId: string): Promise<unknown> {
  const result = await tool.execute(OrganizationName, { id: organizationId });
  return result.errors ? errorCode(result) : 'OK';
}

function keyRow(id: string) {
  return atrium.dataSource.getRepository(ApiKeyEntity).findOneByOrFail({ id });
}

async function timelineOf(actor: Actor): Promise<string[]> {
  const page = await actor.run(MySecurityEvents, { first: 50 });
  return page.mySecurityEvents.edges.map((edge) => edge.node.type);
}

describe('creating a key', () => {
  it('shows the secret once; lists and stores only its prefix and hash', async () => {
    const { org, owner, apiKey, secret, tool } = await ownerWithKey();
    expect(secret).toMatch(/^atr_live_[0-9A-Za-z]{49}$/);
    expect(apiKey).toMatchObject({
      name: 'Billing sync',
      prefix: secret.slice(0, 15),
      scopes: ['ORGANIZATION_READ', 'MEMBERS_READ'],
      status: 'ACTIVE',
      createdBy: { id: owner.accountId },
      expiresAt: null,
      lastUsedAt: null,
      revokedAt: null,
    });
    const row = await keyRow(apiKey.id);
    expect(row.secretHash).toBe(hashToken(secret));
    expect(JSON.stringify(row)).not.toContain(secret.slice(15));

    // The key works as a caller of its own kind.
    expect(await canRead(tool, org.id)).toBe('OK');
    expect((await tool.execute(Me)).data).toEqual({ me: null });

    const listed = await owner.actor.execute(OrganizationApiKeys, { id: org.id });
    expect(listed.data?.organization?.apiKeys.map((key) => key.id)).toEqual([apiKey.id]);
    expect(listed.data?.organization?.grantableApiKeyScopes).toEqual([
      'ORGANIZATION_READ',
      'MEMBERS_READ',
      'MEMBERS_WRITE',
      'WEBHOOKS_READ',
      'WEBHOOKS_WRITE',
      'EVENTS_PUBLISH',
      'NOTIFICATIONS_SEND',
      'USAGE_REPORT',
      'BILLING_READ',
      'BILLING_WRITE',
      'AUDIT_READ',
    ]);
    const everything = JSON.stringify(listed);
    expect(everything).not.toContain(secret.slice(15));
    expect(everything).not.toContain(row.secretHash);
    expect(await timelineOf(owner.actor)).toContain('API_KEY_CREATED');
  });

  it('is for OWNER and ADMIN, within the scopes their role may grant', async () => {
    const org = await seedOrganization(atrium)
      .member('admin', 'ADMIN')
      .member('manager', 'MANAGER')
      .build();
    const input = { organizationId: org.id, name: 'Sync', scopes: ['MEMBERS_WRITE'] };
    const byAdmin = await org.people.admin.actor.execute(CreateApiKey, { input });
    expect(byAdmin.errors).toBeUndefined();
    expect(errorCode(await org.people.manager.actor.execute(CreateApiKey, { input }))).toBe(
      'FORBIDDEN',
    );
    // Every scope is used by some operation an ADMIN may do (or, for keys only, hand out).
    const choices = await org.people.admin.actor.execute(ApiKeyScopeChoices, { id: org.id });
    expect(choices.data?.organization?.apiKeyScopeChoices).toContainEqual({
      scope: 'AUDIT_READ',
      unavailableReason: null,
    });
    expect(choices.data?.organization?.apiKeyScopeChoices).toContainEqual({
      scope: 'MEMBERS_WRITE',
      unavailableReason: null,
    });
    expect(
      errorCode(await org.people.manager.actor.execute(ApiKeyScopeChoices, { id: org.id })),
    ).toBe('FORBIDDEN');
  });

  it('refuses bad input field by field, and writes nothing', async () => {
    const org = await seedOrganization(atrium).member('owner', 'OWNER').build();
    const { actor } = org.people.owner;
    const valid = { organizationId: org.id, name: 'Sync', scopes: ['ORGANIZATION_READ'] };
    const attempt = (changes: Record<string, unknown>) =>
      actor.execute(CreateApiKey, { input: { ...valid, ...changes } as typeof valid });
    expect(fieldErrors(await attempt({ name: '   ' }))).toEqual({ name: 'API_KEY_NAME_REQUIRED' });
    expect(fieldErrors(await attempt({ name: 'x'.repeat(101) }))).toEqual({ name: 'TOO_LONG' });
    expect(fieldErrors(await attempt({ scopes: [] }))).toEqual({
      scopes: 'API_KEY_SCOPES_REQUIRED',
    });
    expect(
      fieldErrors(await attempt({ expiresAt: new Date(Date.now() - 1000).toISOString() })),
    ).toEqual({ expiresAt: 'API_KEY_EXPIRY_IN_PAST' });
    expect(
      fieldErrors(
        await attempt({ expiresAt: new Date(Date.now() + 11 * 366 * DAY_MS).toISOString() }),
      ),
    ).toEqual({ expiresAt: 'API_KEY_EXPIRY_TOO_FAR' });
    // An unknown scope is not a value of the enum: refused before any resolver, naming it.
    const unknown = await attempt({ scopes: ['EVERYTHING'] });
    expect(errorCode(unknown)).toBe('BAD_USER_INPUT');
    expect(unknown.errors?.[0].message).toMatch(/scopes/);
    expect(
      await atrium.dataSource.getRepository(ApiKeyEntity).countBy({ organizationId: org.id }),
    ).toBe(0);
  });

  it('needs sudo mode: a session not re-authenticated for 10 minutes is asked to', async () => {
    const { org, owner, apiKey } = await ownerWithKey();
    await atrium.dataSource
      .getRepository(SessionEntity)
      .update(
        { tokenHash: hashToken(owner.actor.token as string) },
        { reauthenticatedAt: new Date(Date.now() - 11 * 60 * 1000) },
      );
    const input = { organizationId: org.id, name: 'Later', scopes: ['ORGANIZATION_READ'] };
    expect(errorCode(await owner.actor.execute(CreateApiKey, { input }))).toBe(
      'REAUTHENTICATION_REQUIRED',
    );
    expect(
      errorCode(
        await owner.actor.execute(RollApiKey, { input: { id: apiKey.id, gracePeriodSeconds: 0 } }),
      ),
    ).toBe('REAUTHENTICATION_REQUIRED');
    // Revoking a leaked key must never wait for a password.
    expect((await owner.actor.execute(RevokeApiKey, { id: apiKey.id })).errors).toBeUndefined();
  });
});

describe('rolling a key', () => {
  it('with grace 0: the new secret works and the old one is refused at once', async () => {
    const { org, owner, apiKey, secret, tool } = await ownerWithKey();
    const rolled = await owner.actor.run(RollApiKey, {
      input: { id: apiKey.id, gracePeriodSeconds: 0 },
    });
    const { apiKey: after, secret: next } = rolled.rollApiKey;
    expect(after.id).toBe(apiKey.id);
    expect(next).not.toBe(secret);
    expect(after.prefix).toBe(next.slice(0, 15));
    expect(after.previousSecretExpiresAt).toBeNull();
    expect(after.rolledAt).not.toBeNull();
    expect(await canRead(tool, org.id)).toBe('UNAUTHENTICATED');
    expect(await canRead(new Actor(atrium.url).withToken(next), org.id)).toBe('OK');
    expect(await timelineOf(owner.actor)).toContain('API_KEY_ROLLED');
  });

  it('with a few seconds of grace: both work until it ends, then only the new one', async () => {
    const { org, owner, apiKey, tool } = await ownerWithKey();
    const rolled = await owner.actor.run(RollApiKey, {
      input: { id: apiKey.id, gracePeriodSeconds: 2 },
    });
    const fresh = new Actor(atrium.url).withToken(rolled.rollApiKey.secret);
    const graceEnds = Date.parse(rolled.rollApiKey.apiKey.previousSecretExpiresAt as string);
    expect(graceEnds - Date.now()).toBeGreaterThan(1000);
    expect(graceEnds - Date.now()).toBeLessThanOrEqual(2000);
    expect(await canRead(tool, org.id)).toBe('OK');
    expect(await canRead(fresh, org.id)).toBe('OK');
    await sleep(graceEnds - Date.now() + 50);
    expect(await canRead(tool, org.id)).toBe('UNAUTHENTICATED');
    expect(await canRead(fresh, org.id)).toBe('OK');
  });

  it('refuses a grace period outside 0 to 7 days, and a revoked key', async () => {
    const { owner, apiKey } = await ownerWithKey();
    for (const gracePeriodSeconds of [-1, 7 * 86400 + 1]) {
      const result = await owner.actor.execute(RollApiKey, {
        input: { id: apiKey.id, gracePeriodSeconds },
      });
      expect(fieldErrors(result)).toEqual({ gracePeriodSeconds: 'API_KEY_GRACE_OUT_OF_RANGE' });
    }
    expect((await keyRow(apiKey.id)).rolledAt).toBeNull();
    await owner.actor.run(RevokeApiKey, { id: apiKey.id });
    const result = await owner.actor.execute(RollApiKey, {
      input: { id: apiKey.id, gracePeriodSeconds: 0 },
    });
    expect(result.errors?.[0].extensions?.reason).toBe('API_KEY_REVOKED');
  });
});

describe('revoking and expiry', () => {
  it('20 parallel revokes: each answers the same revocation, said once, and the key is dead', async () => {
    const { org, owner, apiKey, tool } = await ownerWithKey();
    expect(await canRead(tool, org.id)).toBe('OK');
    const results = await Promise.all(
      Array.from({ length: 20 }, () => owner.actor.execute(RevokeApiKey, { id: apiKey.id })),
    );
    for (const result of results) expect(result.errors).toBeUndefined();
    const stamps = new Set(results.map((result) => result.data?.revokeApiKey.revokedAt));
    expect(stamps.size).toBe(1);
    expect([...stamps][0]).not.toBeNull();
    const timeline = await timelineOf(owner.actor);
    expect(timeline.filter((type) => type === 'API_KEY_REVOKED')).toHaveLength(1);
    expect(await canRead(tool, org.id)).toBe('UNAUTHENTICATED');
    const listed = await owner.actor.run(OrganizationApiKeys, { id: org.id });
    expect(listed.organization?.apiKeys[0].status).toBe('REVOKED');
  });

  it('an expiring key works until its time, then is refused and listed EXPIRED', async () => {
    const expiresAt = new Date(Date.now() + 1500).toISOString();
    const { org, owner, tool } = await ownerWithKey(['ORGANIZATION_READ'], expiresAt);
    expect(await canRead(tool, org.id)).toBe('OK');
    await sleep(Date.parse(expiresAt) - Date.now() + 50);
    expect(await canRead(tool, org.id)).toBe('UNAUTHENTICATED');
    const listed = await owner.actor.run(OrganizationApiKeys, { id: org.id });
    expect(listed.organization?.apiKeys[0].status).toBe('EXPIRED');
  });

  it('another organization’s admin cannot see, roll or revoke the key', async () => {
    const { apiKey, org } = await ownerWithKey();
    const other = await seedOrganization(atrium).member('owner', 'OWNER').build();
    const { actor } = other.people.owner;
    expect(errorCode(await actor.execute(RevokeApiKey, { id: apiKey.id }))).toBe('NOT_FOUND');
    expect(
      errorCode(
        await actor.execute(RollApiKey, { input: { id: apiKey.id, gracePeriodSeconds: 0 } }),
      ),
    ).toBe('NOT_FOUND');
    expect(errorCode(await actor.execute(OrganizationApiKeys, { id: org.id }))).toBe('NOT_FOUND');
    expect((await keyRow(apiKey.id)).revokedAt).toBeNull();
  });
});

describe('using a key', () => {
  /** SQL statements the server runs while `work` does, with background work paused. */
  async function statementsDuring(work: () => Promise<void>): Promise<string[]> {
    await atrium.services.jobRunner.stop();
    await atrium.services.usageMeter.flush();
    const spy = jest.spyOn(atrium.dataSource.logger, 'logQuery');
    try {
      await work();
      return spy.mock.calls.map(([sql]) => sql);
    } finally {
      spy.mockRestore();
      atrium.services.jobRunner.start();
    }
  }

  it('refuses a malformed key or a bad checksum before any database lookup', async () => {
    const { org, secret } = await ownerWithKey();
    const typo = `${secret.slice(0, 20)}${secret[20] === 'a' ? 'b' : 'a'}${secret.slice(21)}`;
    for (const presented of [
      typo,
      secret.slice(0, -1),
      `atr_live_${'x'.repeat(49)}`,
      'atr_live_',
    ]) {
      const statements = await statementsDuring(async () => {
        expect(await canRead(new Actor(atrium.url).withToken(presented), org.id)).toBe(
          'UNAUTHENTICATED',
        );
      });
      expect(statements).toEqual([]);
    }
    // A well-formed key is looked up: one statement, and refused when unknown.
    const unknown = generateApiKeySecret();
    const statements = await statementsDuring(async () => {
      expect(await canRead(new Actor(atrium.url).withToken(unknown.secret), org.id)).toBe(
        'UNAUTHENTICATED',
      );
    });
    expect(statements).toHaveLength(1);
  });

  it('records when and from where it was last used, at most once a minute', async () => {
    const { org, apiKey, tool } = await ownerWithKey();
    const writes = (statements: string[]) =>
      statements.filter((sql) => /^UPDATE .api_keys./i.test(sql.trim()));
    const first = await statementsDuring(async () => {
      expect(await canRead(tool, org.id)).toBe('OK');
    });
    expect(writes(first)).toHaveLength(1);
    const used = await keyRow(apiKey.id);
    expect(used.lastUsedIp).toBe(tool.ip);
    const again = await statementsDuring(async () => {
      for (let i = 0; i < 5; i += 1) expect(await canRead(tool, org.id)).toBe('OK');
    });
    expect(writes(again)).toEqual([]);
    // A minute later (moved back in the database), the next request writes again.
    await atrium.dataSource
      .getRepository(ApiKeyEntity)
      .update({ id: apiKey.id }, { lastUsedAt: new Date(Date.now() - 61_000) });
    const later = await statementsDuring(async () => {
      expect(await canRead(tool, org.id)).toBe('OK');
    });
    expect(writes(later)).toHaveLength(1);
    expect((await keyRow(apiKey.id)).lastUsedAt?.getTime()).toBeGreaterThan(Date.now() - 5000);
  });

  it('works over graphql-ws as connectionParams.authorization, until revoked', async () => {
    const { org, owner, apiKey, secret } = await ownerWithKey();
    const query = `query { organization(id: "${org.id}") { name } }`;
    const live = new LiveClient(atrium.url, { token: secret });
    try {
      live.subscribe(query);
      await live.waitFor(() => live.events.length > 0, 5000, 'the answer');
      expect(live.events[0]).toEqual({ organization: { name: expect.any(String) } });
      expect(live.errors).toEqual([]);
    } finally {
      await live.dispose();
    }
    await owner.actor.run(RevokeApiKey, { id: apiKey.id });
    const refused = new LiveClient(atrium.url, { token: secret });
    try {
      refused.subscribe(query);
      await refused.waitFor(() => refused.closeCode !== null, 5000, 'the close');
      expect(refused.closeCode).toBe(4403);
      expect(refused.events).toEqual([]);
    } finally {
      await refused.dispose();
    }
  });
});

describe('the logs', () => {
  it('never hold a key secret or its hash, whatever was done with it', async () => {
    const { org, owner, apiKey, secret, tool } = await ownerWithKey();
    await canRead(tool, org.id);
    const rolled = await owner.actor.run(RollApiKey, {
      input: { id: apiKey.id, gracePeriodSeconds: 60 },
    });
    await canRead(tool, org.id);
    await canRead(new Actor(atrium.url).withToken(`${secret}x`), org.id);
    await owner.actor.run(RevokeApiKey, { id: apiKey.id });
    await canRead(tool, org.id);
    await atrium.services.usageMeter.flush();
    expect(logged).toContain('request');
    for (const secretish of [secret, rolled.rollApiKey.secret, hashToken(secret)]) {
      expect(logged).not.toContain(secretish.slice(15));
    }
  });
});

describe('expiry reminders', () => {
  it('mail OWNER and ADMINs once when a key expires within 7 days', async () => {
    const org = await seedOrganization(atrium)
      .member('owner', 'OWNER')
      .member('admin', 'ADMIN')
      .member('manager', 'MANAGER')
      .build();
    const soon = await seedApiKey(atrium, org.id, ['ORGANIZATION_READ'], {
      name: 'Soon',
      expiresAt: new Date(Date.now() + 3 * DAY_MS),
    });
    await seedApiKey(atrium, org.id, ['ORGANIZATION_READ'], {
      name: 'Later',
      expiresAt: new Date(Date.now() + 8 * DAY_MS),
    });
    const mailsTo = async (email: string) =>
      (await atrium.dataSource.getRepository(JobEntity).findBy({ kind: 'mail.send' })).filter(
        (job) => JSON.parse(job.payload).to === email && job.payload.includes('expires'),
      );
    await atrium.services.apiKeyExpiryReminders.run();
    await Promise.all([
      atrium.services.apiKeyExpiryReminders.run(),
      atrium.services.apiKeyExpiryReminders.run(),
    ]);
    const { owner, admin, manager } = org.people;
    for (const person of [owner, admin]) {
      const mails = await mailsTo(person.email);
      expect(mails).toHaveLength(1);
      expect(mails[0].payload).toContain('Soon');
      expect(mails[0].payload).not.toContain('Later');
    }
    expect(await mailsTo(manager.email)).toHaveLength(0);
    expect((await keyRow(soon.id)).expiryNotifiedAt).not.toBeNull();
  });
});
