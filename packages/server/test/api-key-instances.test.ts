import type { AtriumServer } from '../src/app';
import {
  CreateApiKey,
  OrganizationName,
  RevokeApiKey,
  RollApiKey,
} from './support/api-key-documents';
import { Actor, errorCode } from './support/graphql';
import { LiveClient } from './support/live';
import { seedOrganization } from './support/organizations';
import { startTestCluster } from './support/server';

/**
 * Two instances on one database (and one Redis when REDIS_URL is set), as replicas behind a
 * proxy: a key changed through A counts on B at the very next request, with no waiting.
 */
let a: AtriumServer;
let b: AtriumServer;

beforeAll(async () => {
  [a, b] = await startTestCluster(2);
});

afterAll(async () => {
  await Promise.all([a.close(), b.close()]);
});

async function keyOnA() {
  const org = await seedOrganization(a).member('owner', 'OWNER').build();
  const created = await org.people.owner.actor.run(CreateApiKey, {
    input: { organizationId: org.id, name: 'Replicated', scopes: ['ORGANIZATION_READ'] },
  });
  const { apiKey, secret } = created.createApiKey;
  return { org, owner: org.people.owner.actor, apiKey, secret };
}

const readOn = async (server: AtriumServer, secret: string, organizationId: string) => {
  const result = await new Actor(server.url)
    .withToken(secret)
    .execute(OrganizationName, { id: organizationId });
  return result.errors ? errorCode(result) : 'OK';
};

it('a key revoked on A is refused on B at the next request', async () => {
  const { org, owner, apiKey, secret } = await keyOnA();
  expect(await readOn(b, secret, org.id)).toBe('OK');
  expect(await readOn(a, secret, org.id)).toBe('OK');
  await owner.run(RevokeApiKey, { id: apiKey.id });
  expect(await readOn(b, secret, org.id)).toBe('UNAUTHENTICATED');
  expect(await readOn(a, secret, org.id)).toBe('UNAUTHENTICATED');
});

it('a key rolled on A with no grace is refused on B at once; its new secret works there', async () => {
  const { org, owner, apiKey, secret } = await keyOnA();
  expect(await readOn(b, secret, org.id)).toBe('OK');
  const rolled = await owner.run(RollApiKey, { input: { id: apiKey.id, gracePeriodSeconds: 0 } });
  expect(await readOn(b, secret, org.id)).toBe('UNAUTHENTICATED');
  expect(await readOn(b, rolled.rollApiKey.secret, org.id)).toBe('OK');
});

it('a graphql-ws connection on B with a key revoked on A cannot run another operation', async () => {
  const { org, owner, apiKey, secret } = await keyOnA();
  const query = `query { organization(id: "${org.id}") { name } }`;
  const live = new LiveClient(b.url, { token: secret });
  try {
    live.subscribe(query);
    await live.waitFor(() => live.events.length === 1, 5000, 'the first answer');
  } finally {
    await live.dispose();
  }
  await owner.run(RevokeApiKey, { id: apiKey.id });
  const again = new LiveClient(b.url, { token: secret });
  try {
    again.subscribe(query);
    await again.waitFor(() => again.closeCode !== null, 5000, 'the close');
    expect(again.closeCode).toBe(4403);
  } finally {
    await again.dispose();
  }
});
