import type { AtriumServer } from '../src/app';
import { Me, MySessions, UpdateProfile } from './support/documents';
import { errorCode, typed } from './support/graphql';
import { LiveClient } from './support/live';
import { OrganizationById } from './support/organization-documents';
import { seedApiKey, seedOrganization } from './support/organizations';
import { startTestServer } from './support/server';
import { ApiKeyEntity } from '../src/modules/api-key/api-key.entity';

/**
 * An API key is a caller of its own kind: no account, no session, its organization and its
 * scopes. (Keys are issued by the API-key feature; here a test double is written straight into
 * the database.)
 */
let atrium: AtriumServer;

beforeAll(async () => {
  atrium = await startTestServer();
});

afterAll(async () => {
  await atrium.close();
});

describe('a request made with an API key', () => {
  it('has no `me`, and person-only operations answer FORBIDDEN', async () => {
    const world = await seedOrganization(atrium).build();
    const { actor } = await seedApiKey(atrium, world.id, ['ORGANIZATION_READ', 'MEMBERS_READ']);
    expect((await actor.execute(Me)).data).toEqual({ me: null });
    expect(errorCode(await actor.execute(MySessions))).toBe('FORBIDDEN');
    expect(errorCode(await actor.execute(UpdateProfile, { input: { fullName: 'Key' } }))).toBe(
      'FORBIDDEN',
    );
  });

  it('reads its own organization, and lists it as its only one', async () => {
    const world = await seedOrganization(atrium).build();
    const { actor } = await seedApiKey(atrium, world.id, ['ORGANIZATION_READ', 'MEMBERS_READ']);
    const result = await actor.execute(OrganizationById, { id: world.id });
    expect(result.errors).toBeUndefined();
    expect(result.data?.organization?.id).toBe(world.id);
    const mine = await actor.execute(
      typed<{ myOrganizations: Array<{ id: string }> }>('{ myOrganizations { id } }'),
    );
    expect(mine.data?.myOrganizations).toEqual([{ id: world.id }]);
  });

  it('is refused on the next request once revoked or expired', async () => {
    const world = await seedOrganization(atrium).build();
    const key = await seedApiKey(atrium, world.id, ['ORGANIZATION_READ', 'MEMBERS_READ']);
    expect((await key.actor.execute(OrganizationById, { id: world.id })).errors).toBeUndefined();
    await revoke(key.id);
    expect(errorCode(await key.actor.execute(OrganizationById, { id: world.id }))).toBe(
      'UNAUTHENTICATED',
    );
    const expired = await seedApiKey(atrium, world.id, ['ORGANIZATION_READ'], {
      expiresAt: new Date(Date.now() - 1000),
    });
    expect(errorCode(await expired.actor.execute(OrganizationById, { id: world.id }))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('authenticates a graphql-ws connection, which a revoked key cannot open', async () => {
    const world = await seedOrganization(atrium).build();
    const key = await seedApiKey(atrium, world.id, ['ORGANIZATION_READ']);
    const live = new LiveClient(atrium.url, { token: key.secret });
    try {
      live.subscribe('subscription { sessionEvents { type } }');
      await live.waitFor(() => live.errors.length > 0, 5000, 'the refusal');
      // sessionEvents is a person's: the key is FORBIDDEN, not signed out.
      expect(JSON.stringify(live.errors)).toMatch(/FORBIDDEN/);
      expect(live.closeCode).toBeNull();
    } finally {
      await live.dispose();
    }
    await revoke(key.id);
    const refused = new LiveClient(atrium.url, { token: key.secret });
    refused.subscribe('subscription { sessionEvents { type } }');
    await refused.waitFor(() => refused.closeCode !== null, 5000, 'the close');
    expect(refused.closeCode).toBe(4403);
    await refused.dispose();
  });
});

function revoke(id: string) {
  return atrium.dataSource.getRepository(ApiKeyEntity).update({ id }, { revokedAt: new Date() });
}
