import { RESOLVERS } from '../src/modules';
import fc from 'fast-check';
import type { GraphQLFormattedError } from 'graphql';
import type { AtriumServer } from '../src/app';
import { buildAtriumSchema } from '../src/graphql/schema';
import { cleanText, codePointLength } from '../src/lib/text';
import { AccountEntity, FULL_NAME_MAX_CHARS } from '../src/modules/account/account.entity';
import { InvitationEntity } from '../src/modules/invitation/invitation.entity';
import { OrganizationEntity } from '../src/modules/organization/organization.entity';
import { TeamMemberEntity } from '../src/modules/organization/team-member.entity';
import { STRONG_PASSWORD } from './support/actors';
import { SignUp, UpdateProfile } from './support/documents';
import { Actor } from './support/graphql';
import { hostileString } from './support/hostile-strings';
import { InviteTeamMember, UpdateOrganization } from './support/organization-documents';
import {
  seedAccount,
  seedOrganization,
  uniqueDomain,
  type SeededAccount,
} from './support/organizations';
import { stringTargets, targetRequest, type ValidStrings } from './support/schema-targets';
import { startTestServer, uniqueEmail } from './support/server';

/**
 * Arbitrary strings into every string input of every operation, on whichever driver the run
 * uses: never an internal error, malformed text always refused naming its field, and what is
 * refused leaves the rows as they were. Bounded runs keep the file to about a minute.
 */
const RUNS_PER_INPUT = Number(process.env.HOSTILE_RUNS ?? 30);
const RUNS_PER_ROW_PROPERTY = Number(process.env.HOSTILE_ROW_RUNS ?? 60);

let atrium: AtriumServer;

beforeAll(async () => {
  atrium = await startTestServer();
});

afterAll(async () => {
  await atrium.close();
});

/** Valid values for the inputs not under test, by name; ids are the account's own organization. */
function validStrings(account: SeededAccount): ValidStrings {
  const known: Record<string, () => string> = {
    email: () => uniqueEmail('hostile'),
    newEmail: () => uniqueEmail('hostile-new'),
    password: () => STRONG_PASSWORD,
    currentPassword: () => STRONG_PASSWORD,
    newPassword: () => 'Another-horse-8',
    fullName: () => 'Hostile Tester',
    name: () => 'Hostile Tester',
    username: () => `hostile${Math.random().toString(36).slice(2, 10)}`,
    timezone: () => 'Europe/Madrid',
    locale: () => 'es',
    country: () => 'ES',
    industry: () => 'SOFTWARE',
    website: () => 'https://example.com/about',
    phone: () => '+34 612 345 678',
    domain: () => uniqueDomain('hostile'),
    code: () => '123456',
    token: () => 'x'.repeat(43),
  };
  return (name, type) =>
    known[name]?.() ?? (type === 'ID' ? account.ownOrganizationId : 'Sample text');
}

/** The schema as the server builds it (HTTP introspection is deeper than the operation limits). */
const builtSchema = () => buildAtriumSchema(atrium.eventBus.pubSub, RESOLVERS);

const codes = (errors: readonly GraphQLFormattedError[] | undefined) =>
  (errors ?? []).map((error) => error.extensions?.code);

function expectNoInternalError(result: { status: number; errors?: GraphQLFormattedError[] }) {
  expect(result.status).toBeLessThan(500);
  expect(codes(result.errors)).not.toContain('INTERNAL_SERVER_ERROR');
}

describe('every string input of every operation', () => {
  it('is found in the schema', async () => {
    const labels = stringTargets(await builtSchema()).map((t) => t.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        'Mutation.signUp(input.email)',
        'Mutation.updateProfile(input.fullName)',
        'Mutation.requestPasswordReset(email)',
        'Mutation.updateOrganization(id)',
        'Mutation.addDomain(domain)',
        'Query.organization(id)',
        'Query.myOrganizations.members(after)',
        'Query.myOrganizations.auditEvents(after)',
        'Query.myOrganizations.auditEvents(filter.actorAccountId)',
        'Query.myOrganizations.auditEvents(filter.apiKeyId)',
      ]),
    );
  });

  it('never gets an internal error, and malformed text is refused naming the field', async () => {
    const targets = stringTargets(await builtSchema());
    const tally = { calls: 0, refusedByInputLayer: 0, otherErrors: 0, accepted: 0 };
    for (const target of targets) {
      // An account of its own per input: what one operation changes cannot hide another's.
      const account = await seedAccount(atrium, 'hostile');
      const valid = validStrings(account);
      const sample = valid(target.leaf.name, target.leaf.type);
      await fc
        .assert(
          fc.asyncProperty(hostileString(sample), async (hostile) => {
            // A new client address per call: per-IP limits answer RATE_LIMITED, which is fine,
            // but would stop later calls from reaching the validation after the input layer.
            const actor = new Actor(atrium.url).withToken(account.actor.token ?? '');
            const { document, variables } = targetRequest(target, hostile, valid);
            const result = await actor.execute(document, variables);
            tally.calls += 1;
            expectNoInternalError(result);
            if (!cleanText(hostile).ok) {
              expect(codes(result.errors)[0]).toBe('BAD_USER_INPUT');
              expect(result.errors?.[0].extensions?.fields).toHaveProperty([target.reportedAs]);
              tally.refusedByInputLayer += 1;
            } else if (result.errors) tally.otherErrors += 1;
            else tally.accepted += 1;
          }),
          { numRuns: RUNS_PER_INPUT },
        )
        .catch((error: unknown) => {
          throw new Error(`${target.label}: ${String(error)}`);
        });
    }
    if (process.env.HOSTILE_STATS) console.log({ inputs: targets.length, ...tally });
    // Both paths were exercised: refusals by the layer, and text that went on to the resolvers.
    expect(tally.refusedByInputLayer).toBeGreaterThan(0);
    expect(tally.accepted).toBeGreaterThan(0);
  }, 300_000);
});

describe('a refused call writes nothing; an accepted one stores exactly the NFC text', () => {
  const stored = (text: string) => text.normalize('NFC').trim();

  /**
   * `run` makes one call, checks the rows and says whether the call was accepted. The two
   * examples, one to be accepted (NFC-composed on the way) and one refused, run first: both
   * outcomes are then always checked, however the random values fall.
   */
  async function assertRows<T>(
    values: fc.Arbitrary<T>,
    [accepted, refused]: [T, T],
    run: (value: T) => Promise<boolean>,
  ) {
    const seen = { accepted: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(values, async (value) => {
        seen[(await run(value)) ? 'accepted' : 'refused'] += 1;
      }),
      { numRuns: RUNS_PER_ROW_PROPERTY, examples: [[accepted], [refused]] },
    );
    if (process.env.HOSTILE_STATS) console.log(seen);
    expect(seen.accepted).toBeGreaterThan(0);
    expect(seen.refused).toBeGreaterThan(0);
  }

  it('updateProfile(fullName), with a valid change riding along', async () => {
    const { actor, accountId } = await seedAccount(atrium, 'profile');
    const accounts = atrium.dataSource.getRepository(AccountEntity);
    const examples: [string, string] = ['Rene\u0301 Person', 'Nul\u0000Person'];
    await assertRows(hostileString('Profile Person'), examples, async (fullName) => {
      const before = await accounts.findOneByOrFail({ id: accountId });
      const locale = before.locale === 'en' ? 'es' : 'en';
      const result = await actor.execute(UpdateProfile, { input: { fullName, locale } });
      expectNoInternalError(result);
      const after = await accounts.findOneByOrFail({ id: accountId });
      if (result.errors) expect(after).toEqual(before);
      else {
        expect(after).toMatchObject({ fullName: stored(fullName), locale });
        expect(codePointLength(after.fullName)).toBeLessThanOrEqual(FULL_NAME_MAX_CHARS);
      }
      return !result.errors;
    });
  });

  it('updateOrganization(name, website)', async () => {
    const { actor, ownOrganizationId: id } = await seedAccount(atrium, 'organizer');
    const organizations = atrium.dataSource.getRepository(OrganizationEntity);
    type Change = { name: string } | { website: string };
    const input: fc.Arbitrary<Change> = fc.oneof(
      hostileString('Hostile Org').map((name) => ({ name })),
      hostileString('https://example.com/about').map((website) => ({ website })),
    );
    const examples: [Change, Change] = [
      { name: 'Cafe\u0301 Org' },
      { website: 'https://x.test/\n' },
    ];
    await assertRows(input, examples, async (change) => {
      const before = await organizations.findOneByOrFail({ id });
      const result = await actor.execute(UpdateOrganization, { id, input: change });
      expectNoInternalError(result);
      const after = await organizations.findOneByOrFail({ id });
      if (result.errors) expect(after).toEqual(before);
      else if ('name' in change) expect(after.name).toBe(stored(change.name));
      else expect(after.website).toBe(stored(change.website));
      return !result.errors;
    });
  });

  it('signUp(email, fullName): an account with its organization, or no row at all', async () => {
    const { manager } = atrium.dataSource;
    // Counted, not looked up by address: MariaDB's collation would match other rows.
    const counts = async () =>
      Promise.all(
        [AccountEntity, OrganizationEntity, TeamMemberEntity].map((e) => manager.count(e)),
      );
    type SignUpCase = { email: string; fullName: string };
    const input: fc.Arbitrary<SignUpCase> = fc.oneof(
      hostileString('Sign Up Person').map((fullName) => ({ fullName, email: uniqueEmail('su') })),
      hostileString(uniqueEmail('su')).map((email) => ({ fullName: 'Sign Up Person', email })),
    );
    const examples: [SignUpCase, SignUpCase] = [
      { email: uniqueEmail('su'), fullName: 'Zoe\u0308 Example' },
      { email: 'a\uD800@example.com', fullName: 'Lone Surrogate' },
    ];
    await assertRows(input, examples, async ({ email, fullName }) => {
      const before = await counts();
      const result = await new Actor(atrium.url).execute(SignUp, {
        input: { email, fullName, password: STRONG_PASSWORD },
      });
      expectNoInternalError(result);
      if (result.errors) {
        expect(await counts()).toEqual(before);
        return false;
      }
      expect(await counts()).toEqual(before.map((count) => count + 1));
      const id = result.data?.signUp.account.id;
      expect(await manager.findOneBy(AccountEntity, { id })).toMatchObject({
        email: stored(email),
        emailNormalized: stored(email).toLowerCase(),
        fullName: stored(fullName),
      });
      const membership = await manager.findOneOrFail(TeamMemberEntity, {
        where: { accountId: id },
        relations: { organization: true },
      });
      expect(membership.organization?.name).toBe(stored(fullName));
      return true;
    });
  });

  it('inviteTeamMember(email)', async () => {
    const org = await seedOrganization(atrium).member('owner', 'OWNER').build();
    const invitations = atrium.dataSource.getRepository(InvitationEntity);
    const examples: [string, string] = [uniqueEmail('invite\u0301e'), 'a\u202e@example.com'];
    await assertRows(hostileString(uniqueEmail('invitee')), examples, async (email) => {
      const before = await invitations.countBy({ organizationId: org.id });
      const result = await org.people.owner.actor.execute(InviteTeamMember, {
        input: { organizationId: org.id, email, role: 'MEMBER' },
      });
      expectNoInternalError(result);
      const rows = await invitations.findBy({ organizationId: org.id });
      if (result.errors) expect(rows).toHaveLength(before);
      else {
        expect(rows).toHaveLength(before + 1);
        const row = rows.find((r) => r.id === result.data?.inviteTeamMember.id);
        expect(row).toMatchObject({ email: stored(email) });
        expect(codePointLength(row?.emailNormalized ?? '')).toBeLessThanOrEqual(254);
      }
      return !result.errors;
    });
  });
});
