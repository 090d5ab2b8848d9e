import type { AtriumServer } from '../src/app';
import { AccountEntity } from '../src/modules/account/account.entity';
import { InvitationEntity } from '../src/modules/invitation/invitation.entity';
import { signedUpBrowser, STRONG_PASSWORD } from './support/actors';
import {
  Me,
  RequestEmailChange,
  RequestPasswordReset,
  SignUp,
  UpdateProfile,
} from './support/documents';
import { Actor, errorCode, type GraphQLResult } from './support/graphql';
import {
  InviteTeamMember,
  MyOrganizations,
  UpdateOrganization,
} from './support/organization-documents';
import { seedOrganization } from './support/organizations';
import { startTestServer, uniqueEmail } from './support/server';

/** The exact cases of the issue, on whichever driver the run uses (SQLite, or DATABASE_URL). */
let atrium: AtriumServer;

beforeAll(async () => {
  atrium = await startTestServer();
});

afterAll(async () => {
  await atrium.close();
});

const LONE_SURROGATE_EMAIL = 'a\uD800@example.com';
/** 100 letters, each followed by VARIATION SELECTOR-16: 100 "characters" to validator.js, 200 to a VARCHAR. */
const VARIATION_FLOOD = 'e\uFE0F'.repeat(100);

function refusedOn(result: GraphQLResult<unknown>, field: string): void {
  expect(result.status).toBe(200);
  expect(errorCode(result)).toBe('BAD_USER_INPUT');
  expect(result.errors?.[0].extensions?.fields).toHaveProperty(field);
}

describe('a lone surrogate in an email address', () => {
  it('is refused by signUp, naming email, and no account is made', async () => {
    const result = await new Actor(atrium.url).execute(SignUp, {
      input: { email: LONE_SURROGATE_EMAIL, password: STRONG_PASSWORD, fullName: 'Lone' },
    });
    refusedOn(result, 'email');
    const rows = await atrium.dataSource.getRepository(AccountEntity).countBy({ fullName: 'Lone' });
    expect(rows).toBe(0);
  });

  it('is refused by requestPasswordReset, naming email', async () => {
    const result = await new Actor(atrium.url).execute(RequestPasswordReset, {
      email: LONE_SURROGATE_EMAIL,
    });
    refusedOn(result, 'email');
  });

  it('is refused by requestEmailChange, naming newEmail', async () => {
    const { actor } = await signedUpBrowser(atrium.url, 'Surrogate Mover');
    const result = await actor.execute(RequestEmailChange, {
      input: { newEmail: LONE_SURROGATE_EMAIL, password: STRONG_PASSWORD },
    });
    refusedOn(result, 'newEmail');
  });

  it('is refused by inviteTeamMember, naming email, and no invitation is made', async () => {
    const org = await seedOrganization(atrium).member('owner', 'OWNER').build();
    const result = await org.people.owner.actor.execute(InviteTeamMember, {
      input: { organizationId: org.id, email: LONE_SURROGATE_EMAIL, role: 'MEMBER' },
    });
    refusedOn(result, 'email');
    const rows = await atrium.dataSource
      .getRepository(InvitationEntity)
      .countBy({ organizationId: org.id });
    expect(rows).toBe(0);
  });
});

describe('names', () => {
  it('refuses a NUL and keeps the stored name', async () => {
    const { actor } = await signedUpBrowser(atrium.url, 'Nul Person');
    const result = await actor.execute(UpdateProfile, { input: { fullName: 'Nul\u0000Person' } });
    refusedOn(result, 'fullName');
    expect((await actor.run(Me)).me?.fullName).toBe('Nul Person');
  });

  it('refuses a NUL at sign-up', async () => {
    const result = await new Actor(atrium.url).execute(SignUp, {
      input: { email: uniqueEmail('nul'), password: STRONG_PASSWORD, fullName: 'A\u0000B' },
    });
    refusedOn(result, 'fullName');
  });

  it('counts 100 letters with variation selectors as the 200 characters a VARCHAR stores', async () => {
    const { actor } = await signedUpBrowser(atrium.url, 'Flooded Person');
    const result = await actor.execute(UpdateProfile, { input: { fullName: VARIATION_FLOOD } });
    refusedOn(result, 'fullName');
    expect((await actor.run(Me)).me?.fullName).toBe('Flooded Person');

    const signUp = await new Actor(atrium.url).execute(SignUp, {
      input: { email: uniqueEmail('flood'), password: STRONG_PASSWORD, fullName: VARIATION_FLOOD },
    });
    refusedOn(signUp, 'fullName');
  });

  it('accepts exactly 100 characters of emoji with a variation selector each counted as two', async () => {
    const { actor } = await signedUpBrowser(atrium.url, 'Emoji Person');
    // U+1F600 is one code point (two UTF-16 units): 50 of them with U+FE0F are 100 characters.
    const name = '\u{1F600}\uFE0F'.repeat(50);
    const data = await actor.run(UpdateProfile, { input: { fullName: name } });
    expect(data.updateProfile.fullName).toBe(name);
  });

  it('names the own organization after the full name, without splitting an emoji', async () => {
    // 100 code points, 199 UTF-16 units: slice(0, 100) left half a pair at the end.
    const fullName = `a${'\u{1F600}'.repeat(99)}`;
    const actor = new Actor(atrium.url);
    await actor.run(SignUp, {
      input: { email: uniqueEmail('emoji'), password: STRONG_PASSWORD, fullName },
    });
    const [own] = (await actor.run(MyOrganizations)).myOrganizations;
    expect(own.name).toBe(fullName);
  });

  it('stores a decomposed é composed (NFC)', async () => {
    const { actor } = await signedUpBrowser(atrium.url, 'Plain Person');
    const data = await actor.run(UpdateProfile, { input: { fullName: 'Rene\u0301 Dupont' } });
    expect(data.updateProfile.fullName).toBe('Ren\u00e9 Dupont');
    const stored = await atrium.dataSource
      .getRepository(AccountEntity)
      .findOneByOrFail({ id: (await actor.run(Me)).me?.id });
    expect(stored.fullName).toBe('Ren\u00e9 Dupont');
  });

  it('refuses a line break or a bidi override in an organization name and keeps the old one', async () => {
    const org = await seedOrganization(atrium).member('owner', 'OWNER').build();
    for (const name of ['Two\nLines', 'Evil\u202Eoc.elgoog']) {
      const result = await org.people.owner.actor.execute(UpdateOrganization, {
        id: org.id,
        input: { name },
      });
      refusedOn(result, 'name');
    }
    expect(
      (await atrium.dataSource.query('SELECT name FROM organizations WHERE id = ?', [org.id]))[0]
        .name,
    ).toBe(`Seeded ${org.id.slice(-6)}`);
  });
});

describe('email addresses that grow when lower-cased', () => {
  // 'İ' (U+0130) lower-cases to 'i' + U+0307: 32 of them are 64 code points once normalised.
  const growing = `${'\u0130'.repeat(32)}@${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(38)}`;

  it('are measured as they will be stored, at sign-up', async () => {
    expect([...growing].length).toBe(254);
    const result = await new Actor(atrium.url).execute(SignUp, {
      input: { email: growing, password: STRONG_PASSWORD, fullName: 'Growing Address' },
    });
    refusedOn(result, 'email');
  });

  it('are measured as they will be stored, when inviting', async () => {
    const org = await seedOrganization(atrium).member('owner', 'OWNER').build();
    const result = await org.people.owner.actor.execute(InviteTeamMember, {
      input: { organizationId: org.id, email: growing, role: 'MEMBER' },
    });
    refusedOn(result, 'email');
  });

  it('are measured as they will be stored, when changing address', async () => {
    const { actor } = await signedUpBrowser(atrium.url, 'Growing Mover');
    const result = await actor.execute(RequestEmailChange, {
      input: { newEmail: growing, password: STRONG_PASSWORD },
    });
    refusedOn(result, 'newEmail');
  });
});
