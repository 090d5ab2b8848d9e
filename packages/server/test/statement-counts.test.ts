import type { AtriumServer } from '../src/app';
import { CreateApiKey, OrganizationName } from './support/api-key-documents';
import { Me } from './support/documents';
import { Actor } from './support/graphql';
import { OrganizationMembers } from './support/organization-documents';
import { seedOrganization } from './support/organizations';
import { startTestServer } from './support/server';

/**
 * What the hot requests cost the database, counted statement by statement (TypeORM's query log,
 * which the per-request lookups on the driver's pool write to as well). A request that starts
 * asking more of the database fails here before it shows in the bench.
 */
let atrium: AtriumServer;

beforeAll(async () => {
  atrium = await startTestServer();
});

afterAll(async () => {
  await atrium.close();
});

/** The statements the server runs while `work` does, with background work paused. */
async function statementsDuring(work: () => Promise<void>): Promise<string[]> {
  await atrium.services.jobRunner.stop();
  await atrium.services.usageMeter.flush();
  const logQuery = jest.spyOn(atrium.dataSource.logger, 'logQuery');
  try {
    await work();
    return logQuery.mock.calls.map(([sql]) => sql.trim());
  } finally {
    logQuery.mockRestore();
    atrium.services.jobRunner.start();
  }
}

async function ownerAndKey() {
  const org = await seedOrganization(atrium).member('owner', 'OWNER').build();
  const { owner } = org.people;
  const { createApiKey } = await owner.actor.run(CreateApiKey, {
    input: { organizationId: org.id, name: 'Counted', scopes: ['ORGANIZATION_READ'] },
  });
  const tool = new Actor(atrium.url).withToken(createApiKey.secret);
  // The first uses write "last active" / "last used" (at most once a minute): not counted here.
  await owner.actor.run(Me);
  await tool.run(OrganizationName, { id: org.id });
  return { org, owner: owner.actor, tool };
}

it('me with a session token: one statement, the session joined to its account', async () => {
  const { owner } = await ownerAndKey();
  const statements = await statementsDuring(async () => {
    expect((await owner.run(Me)).me).not.toBeNull();
  });
  expect(statements).toHaveLength(1);
  expect(statements[0]).toMatch(/^SELECT .* FROM .sessions. .*JOIN .accounts./s);
});

it('an organization read with an API key: the key, then the organization', async () => {
  const { org, tool } = await ownerAndKey();
  const statements = await statementsDuring(async () => {
    expect((await tool.run(OrganizationName, { id: org.id })).organization?.name).toBeTruthy();
  });
  expect(statements).toHaveLength(2);
  expect(statements[0]).toMatch(/^SELECT .* FROM .api_keys./s);
});

it('the same read with a session token: the session, then the membership with its organization', async () => {
  const { org, owner } = await ownerAndKey();
  const statements = await statementsDuring(async () => {
    expect((await owner.run(OrganizationName, { id: org.id })).organization?.name).toBeTruthy();
  });
  expect(statements).toHaveLength(2);
  expect(statements[1]).toMatch(/FROM .team_members. .*JOIN .organizations./s);
});

it('a page of 100 members costs what a page of 10 does: session, membership, the page', async () => {
  const count = async (members: number): Promise<number> => {
    const org = await seedOrganization(atrium)
      .member('owner', 'OWNER')
      .many(members - 1, 'VIEWER')
      .build();
    const owner = org.people.owner.actor;
    // Seeding 100 people takes a while with no HTTP: a keep-alive socket idle that long may be
    // closing as it is reused (ECONNRESET, a test-harness race): spend it on a throwaway GET.
    await fetch(`${atrium.url}/healthz`).catch(() => undefined);
    await owner.run(Me);
    const statements = await statementsDuring(async () => {
      const page = await owner.run(OrganizationMembers, { id: org.id, first: 100 });
      expect(page.organization?.members.edges).toHaveLength(members);
    });
    return statements.length;
  };
  expect(await count(10)).toBe(3);
  expect(await count(100)).toBe(3);
}, 120_000);
