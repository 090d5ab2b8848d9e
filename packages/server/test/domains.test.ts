import type { AtriumServer } from '../src/app';
import { DomainEntity } from '../src/modules/domain/domain.entity';
import type { LocalDns } from './support/dns';
import { errorCode, type GraphQLResult } from './support/graphql';
import {
  AddDomain,
  OrganizationDomains,
  RemoveDomain,
  VerifyDomain,
} from './support/organization-documents';
import { seedOrganization, uniqueDomain } from './support/organizations';
import { startTestServerWithDns } from './support/server';

let atrium: AtriumServer;
let dns: LocalDns;

beforeAll(async () => {
  ({ atrium, dns } = await startTestServerWithDns());
});

afterAll(async () => {
  await atrium.close();
});

function fieldErrors(result: GraphQLResult<unknown>): Record<string, string> {
  expect(errorCode(result)).toBe('BAD_USER_INPUT');
  return result.errors?.[0].extensions?.fields as Record<string, string>;
}

const domainRows = (organizationId: string) =>
  atrium.dataSource.getRepository(DomainEntity).findBy({ organizationId });

it('adds a domain, verifies it once its TXT record is published on a real DNS server, removes it', async () => {
  const org = await seedOrganization(atrium)
    .member('owner', 'OWNER')
    .member('viewer', 'VIEWER')
    .build();
  const owner = org.people.owner.actor;
  const name = uniqueDomain('clinic');
  const { addDomain } = await owner.run(AddDomain, {
    organizationId: org.id,
    domain: `  ${name.toUpperCase()}. `,
  });
  expect(addDomain).toMatchObject({
    domain: name,
    verifiedAt: null,
    verificationRecord: {
      type: 'TXT',
      name: `_atrium.${name}`,
      value: expect.stringMatching(/^atrium-verification=[0-9a-f]{32}$/),
    },
  });

  const early = await owner.run(VerifyDomain, { id: addDomain.id });
  expect(early.verifyDomain.verifiedAt).toBeNull();

  dns.publish(`_atrium.${name}`, 'v=spf1 -all');
  dns.publish(`_atrium.${name}`, addDomain.verificationRecord.value);
  const verified = await owner.run(VerifyDomain, { id: addDomain.id });
  expect(verified.verifyDomain.verifiedAt).toEqual(expect.any(String));

  const listed = await org.people.viewer.actor.run(OrganizationDomains, { id: org.id });
  expect(listed.organization?.domains).toEqual([verified.verifyDomain]);

  expect((await owner.run(RemoveDomain, { id: addDomain.id })).removeDomain).toBe(true);
  expect(await domainRows(org.id)).toEqual([]);
});

it('does not verify a record carrying another token', async () => {
  const org = await seedOrganization(atrium).member('owner', 'OWNER').build();
  const name = uniqueDomain('spoof');
  const { addDomain } = await org.people.owner.actor.run(AddDomain, {
    organizationId: org.id,
    domain: name,
  });
  dns.publish(`_atrium.${name}`, 'atrium-verification=0123456789abcdef0123456789abcdef');
  const result = await org.people.owner.actor.run(VerifyDomain, { id: addDomain.id });
  expect(result.verifyDomain.verifiedAt).toBeNull();
});

it('answers CONFLICT for a domain already on the list', async () => {
  const org = await seedOrganization(atrium).member('admin', 'ADMIN').build();
  const name = uniqueDomain('twice');
  await org.people.admin.actor.run(AddDomain, { organizationId: org.id, domain: name });
  const again = await org.people.admin.actor.execute(AddDomain, {
    organizationId: org.id,
    domain: `${name}.`,
  });
  expect(errorCode(again)).toBe('CONFLICT');
  expect(await domainRows(org.id)).toHaveLength(1);
});

it.each([
  '',
  'localhost',
  '192.168.1.10',
  'exa mple.com',
  'http://example.com',
  `${'a'.repeat(64)}.com`,
  `${'abc.'.repeat(64)}com`,
])('refuses %j as BAD_USER_INPUT on domain and writes nothing', async (domain) => {
  const org = await seedOrganization(atrium).member('owner', 'OWNER').build();
  const result = await org.people.owner.actor.execute(AddDomain, {
    organizationId: org.id,
    domain,
  });
  expect(fieldErrors(result)).toHaveProperty('domain');
  expect(await domainRows(org.id)).toEqual([]);
});
