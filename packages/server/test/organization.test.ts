import type { AtriumServer } from '../src/app';
import { OrganizationEntity } from '../src/modules/organization/organization.entity';
import { signedUpBrowser } from './support/actors';
import { errorCode, type GraphQLResult } from './support/graphql';
import {
  MyOrganizations,
  OrganizationMembers,
  UpdateOrganization,
  type MembersPage,
  type UpdateOrganizationVariables,
} from './support/organization-documents';
import { seedOrganization } from './support/organizations';
import { startTestServer } from './support/server';

let atrium: AtriumServer;

beforeAll(async () => {
  atrium = await startTestServer();
});

afterAll(async () => {
  await atrium.close();
});

function fieldErrors(result: GraphQLResult<unknown>): Record<string, string> {
  expect(errorCode(result)).toBe('BAD_USER_INPUT');
  return result.errors?.[0].extensions?.fields as Record<string, string>;
}

const stored = (id: string) =>
  atrium.dataSource.getRepository(OrganizationEntity).findOneByOrFail({ id });

describe('my organizations', () => {
  it('sign-up creates one of my own, with me as OWNER on the PROFESSIONAL plan', async () => {
    const { actor } = await signedUpBrowser(atrium.url, 'Founder Person');
    const { myOrganizations } = await actor.run(MyOrganizations);
    expect(myOrganizations).toEqual([
      {
        id: expect.any(String),
        name: 'Founder Person',
        industry: null,
        website: null,
        plan: 'PROFESSIONAL',
        myRole: 'OWNER',
        seatLimit: 3,
        seatsUsed: 1,
      },
    ]);
  });
});

describe('general settings', () => {
  it('an ADMIN updates name, industry and website; null clears the optional ones', async () => {
    const org = await seedOrganization(atrium).member('admin', 'ADMIN').build();
    const admin = org.people.admin.actor;
    const updated = await admin.run(UpdateOrganization, {
      id: org.id,
      input: {
        name: '  Clínica Sol  ',
        industry: 'DENTAL',
        website: 'https://clinicasol.example.com/',
      },
    });
    expect(updated.updateOrganization).toMatchObject({
      name: 'Clínica Sol',
      industry: 'DENTAL',
      website: 'https://clinicasol.example.com/',
      myRole: 'ADMIN',
    });
    await admin.run(UpdateOrganization, { id: org.id, input: { industry: null, website: null } });
    expect(await stored(org.id)).toMatchObject({
      name: 'Clínica Sol',
      industry: null,
      website: null,
    });
  });

  it.each<[string, UpdateOrganizationVariables['input']]>([
    ['name', { name: '' }],
    ['name', { name: '   ' }],
    ['name', { name: null }],
    ['name', { name: 'x'.repeat(101) }],
    ['industry', { industry: 'SPACESHIPS' }],
    ['website', { website: 'ftp://files.example.com' }],
    ['website', { website: 'example.com' }],
    ['website', { website: 'javascript:alert(1)' }],
    ['website', { website: 'https://localhost' }],
    ['website', { website: `https://example.com/${'a'.repeat(2040)}` }],
  ])('refuses a bad %s (%j) as BAD_USER_INPUT and writes nothing', async (field, input) => {
    const org = await seedOrganization(atrium).member('owner', 'OWNER').build();
    const before = await stored(org.id);
    const result = await org.people.owner.actor.execute(UpdateOrganization, {
      id: org.id,
      input: { industry: 'LEGAL', ...input },
    });
    expect(Object.keys(fieldErrors(result))).toEqual([field]);
    expect(await stored(org.id)).toEqual(before);
  });
});

describe('members', () => {
  it('pages through members in joining order with cursors', async () => {
    const org = await seedOrganization(atrium).member('owner', 'OWNER').many(24, 'MEMBER').build();
    const owner = org.people.owner.actor;
    const seen: string[] = [];
    let after: string | null = null;
    const sizes: number[] = [];
    for (;;) {
      const page: MembersPage = await owner.run(OrganizationMembers, {
        id: org.id,
        first: 10,
        after,
      });
      const { edges, pageInfo } = page.organization!.members;
      sizes.push(edges.length);
      seen.push(...edges.map((edge) => edge.node.account.email));
      expect(pageInfo.endCursor).toBe(edges.at(-1)?.cursor ?? null);
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(sizes).toEqual([10, 10, 5]);
    const expected = Object.values(org.people).map((person) => person.email);
    expect(seen).toEqual(expected);
  });

  it('refuses a page size outside 1–100 and a cursor it did not give out', async () => {
    const org = await seedOrganization(atrium).member('owner', 'OWNER').build();
    const owner = org.people.owner.actor;
    for (const first of [0, 101]) {
      expect(
        fieldErrors(await owner.execute(OrganizationMembers, { id: org.id, first })),
      ).toHaveProperty('first');
    }
    expect(
      fieldErrors(await owner.execute(OrganizationMembers, { id: org.id, after: 'forged' })),
    ).toHaveProperty('after');
  });

  it('a page of 100 members costs as many SQL statements as a page of 10', async () => {
    const count = async (members: number): Promise<number> => {
      const org = await seedOrganization(atrium)
        .member('owner', 'OWNER')
        .many(members - 1, 'VIEWER')
        .build();
      // Only the request's own statements: the seeding queued sign-up mails, whose sending
      // would otherwise run on the same data source meanwhile.
      await atrium.services.jobRunner.stop();
      const logQuery = jest.spyOn(atrium.dataSource.logger, 'logQuery');
      try {
        const page = await org.people.owner.actor.run(OrganizationMembers, {
          id: org.id,
          first: 100,
        });
        expect(page.organization?.members.edges).toHaveLength(members);
        return logQuery.mock.calls.length;
      } finally {
        logQuery.mockRestore();
        atrium.services.jobRunner.start();
      }
    };
    const forTen = await count(10);
    const forHundred = await count(100);
    expect(forHundred).toBe(forTen);
    // The session, the membership, the page (with accounts joined).
    expect(forTen).toBeLessThanOrEqual(3);
  }, 60_000);
});
