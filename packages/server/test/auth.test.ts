import type { AtriumServer } from '../src/app';
import { AccountEntity } from '../src/modules/account/account.entity';
import { TeamMemberEntity } from '../src/modules/organization/team-member.entity';
import { OrganizationEntity } from '../src/modules/organization/organization.entity';
import { SessionEntity } from '../src/modules/session/session.entity';
import { hashToken } from '../src/lib/tokens';
import { signedUpBrowser, STRONG_PASSWORD } from './support/actors';
import { LogIn, LogOut, Me, SignUp } from './support/documents';
import { Actor, errorCode } from './support/graphql';
import { startTestServer, uniqueEmail } from './support/server';

let atrium: AtriumServer;

beforeAll(async () => {
  atrium = await startTestServer();
});

afterAll(async () => {
  await atrium.close();
});

describe('signUp', () => {
  it('creates the account, its own organization with the account as OWNER, and a cookie session', async () => {
    const visitor = new Actor(atrium.url);
    const email = uniqueEmail('Ann');
    const result = await visitor.execute(SignUp, {
      input: { email, password: STRONG_PASSWORD, fullName: '  Ann Example ' },
    });

    expect(result.errors).toBeUndefined();
    expect(result.data?.signUp.token).toBeNull();
    expect(result.data?.signUp.account).toMatchObject({
      email,
      fullName: 'Ann Example',
      locale: 'en',
      timezone: 'UTC',
    });
    expect(result.data?.signUp.session.current).toBe(true);

    const cookie = result.headers.getSetCookie().find((c) => c.startsWith('atrium_session='));
    expect(cookie).toMatch(/; Path=\/;/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);

    const accountId = result.data!.signUp.account.id;
    const memberships = await atrium.dataSource
      .getRepository(TeamMemberEntity)
      .findBy({ accountId });
    expect(memberships).toHaveLength(1);
    expect(memberships[0].role).toBe('OWNER');
    const organization = await atrium.dataSource
      .getRepository(OrganizationEntity)
      .findOneByOrFail({ id: memberships[0].organizationId });
    expect(organization.name).toBe('Ann Example');

    const me = await visitor.run(Me);
    expect(me.me?.id).toBe(accountId);
  });

  it('stores only an argon2id hash of the password and a SHA-256 of the session token', async () => {
    const tool = new Actor(atrium.url);
    const email = uniqueEmail('hash');
    const data = await tool.run(SignUp, {
      input: { email, password: STRONG_PASSWORD, fullName: 'Hash Check', issueToken: true },
    });
    const account = await atrium.dataSource
      .getRepository(AccountEntity)
      .findOneByOrFail({ id: data.signUp.account.id });
    expect(account.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    const token = data.signUp.token as string;
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(32);
    const session = await atrium.dataSource
      .getRepository(SessionEntity)
      .findOneByOrFail({ id: data.signUp.session.id });
    expect(session.tokenHash).toBe(hashToken(token));
    expect(session.tokenHash).not.toContain(token);
  });

  it('treats email addresses case-insensitively: a second sign-up is a CONFLICT naming the email', async () => {
    const email = uniqueEmail('case');
    await new Actor(atrium.url).run(SignUp, {
      input: { email, password: STRONG_PASSWORD, fullName: 'First' },
    });
    const second = await new Actor(atrium.url).execute(SignUp, {
      input: { email: email.toUpperCase(), password: STRONG_PASSWORD, fullName: 'Second' },
    });
    expect(errorCode(second)).toBe('CONFLICT');
    expect(second.errors?.[0].extensions?.fields).toHaveProperty('email');
    const count = await atrium.dataSource
      .getRepository(AccountEntity)
      .countBy({ emailNormalized: email.toLowerCase() });
    expect(count).toBe(1);
  });

  it('refuses parallel sign-ups of one address except one', async () => {
    const email = uniqueEmail('race');
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        new Actor(atrium.url).execute(SignUp, {
          input: {
            email: i % 2 ? email.toUpperCase() : email,
            password: STRONG_PASSWORD,
            fullName: `Racer ${i}`,
          },
        }),
      ),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => errorCode(r) === 'CONFLICT')).toHaveLength(4);
  });

  it.each([
    ['fewer than 8 characters', 'password', 'Use at least 8 characters', 'Ab1!'],
    ['no uppercase', 'password', 'Add an uppercase letter', 'lowercase-only-1'],
    ['no number', 'password', 'Add a number', 'No-Numbers-Here'],
    ['no special character', 'password', 'Add a special character', 'NoSpecial123'],
  ])(
    'rejects a password with %s as BAD_USER_INPUT on %s, writing nothing',
    async (_case, field, message, password) => {
      const email = uniqueEmail('weak');
      const result = await new Actor(atrium.url).execute(SignUp, {
        input: { email, password, fullName: 'Weak' },
      });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].extensions?.fields).toEqual({ [field]: message });
      expect(
        await atrium.dataSource.getRepository(AccountEntity).countBy({ emailNormalized: email }),
      ).toBe(0);
    },
  );

  it('rejects a password equal to the email address', async () => {
    const email = `Upper-${uniqueEmail('same')}`;
    const result = await new Actor(atrium.url).execute(SignUp, {
      input: { email, password: email.toUpperCase() + '', fullName: 'Same' },
    });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions?.fields).toHaveProperty('password');
  });

  it('names every malformed field at once', async () => {
    const result = await new Actor(atrium.url).execute(SignUp, {
      input: { email: 'not-an-email', password: STRONG_PASSWORD, fullName: '   ' },
    });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(Object.keys(result.errors?.[0].extensions?.fields as object).sort()).toEqual([
      'email',
      'fullName',
    ]);
  });

  it('takes the time zone the browser detected, and UTC without one', async () => {
    const withZone = await new Actor(atrium.url).run(SignUp, {
      input: {
        email: uniqueEmail('zoned'),
        password: STRONG_PASSWORD,
        fullName: 'Zoned',
        timezone: 'America/Argentina/Buenos_Aires',
      },
    });
    expect(withZone.signUp.account.timezone).toBe('America/Argentina/Buenos_Aires');
    const without = await new Actor(atrium.url).run(SignUp, {
      input: { email: uniqueEmail('utc'), password: STRONG_PASSWORD, fullName: 'Utc' },
    });
    expect(without.signUp.account.timezone).toBe('UTC');

    const bad = await new Actor(atrium.url).execute(SignUp, {
      input: {
        email: uniqueEmail('lost'),
        password: STRONG_PASSWORD,
        fullName: 'Lost',
        timezone: 'Mars/Olympus_Mons',
      },
    });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].extensions?.reasons).toEqual({ timezone: 'TIME_ZONE_UNKNOWN' });
  });

  it('accepts a 200-character password without truncating it', async () => {
    const email = uniqueEmail('long');
    const password = `A1!${'x'.repeat(197)}`;
    await new Actor(atrium.url).run(SignUp, { input: { email, password, fullName: 'Long' } });
    const ok = await new Actor(atrium.url).execute(LogIn, { input: { email, password } });
    expect(ok.data?.logIn.__typename).toBe('AuthPayload');
    const truncated = await new Actor(atrium.url).execute(LogIn, {
      input: { email, password: password.slice(0, 72) },
    });
    expect(errorCode(truncated)).toBe('UNAUTHENTICATED');
  });
});

describe('logIn', () => {
  it('answers an unknown email and a wrong password with the same error', async () => {
    const { email } = await signedUpBrowser(atrium.url, 'Wrong Password');
    const wrongPassword = await new Actor(atrium.url).execute(LogIn, {
      input: { email, password: 'Nope-nope-1' },
    });
    const unknownEmail = await new Actor(atrium.url).execute(LogIn, {
      input: { email: uniqueEmail('nobody'), password: 'Nope-nope-1' },
    });
    expect(wrongPassword.errors?.[0].message).toBe('Invalid email or password');
    expect(errorCode(wrongPassword)).toBe('UNAUTHENTICATED');
    expect(unknownEmail.errors?.[0].message).toBe(wrongPassword.errors?.[0].message);
    expect(errorCode(unknownEmail)).toBe(errorCode(wrongPassword));
    expect(wrongPassword.headers.getSetCookie()).toEqual([]);
  });

  it('gives a tool the token in the body and no cookie, and the token works as a bearer', async () => {
    const { email } = await signedUpBrowser(atrium.url, 'Token User');
    const tool = new Actor(atrium.url);
    const result = await tool.execute(LogIn, {
      input: { email: email.toUpperCase(), password: STRONG_PASSWORD, issueToken: true },
    });
    expect(result.headers.getSetCookie()).toEqual([]);
    const payload = result.data?.logIn;
    if (payload?.__typename !== 'AuthPayload') throw new Error('expected AuthPayload');
    expect(payload.token).toEqual(expect.any(String));
    const me = await new Actor(atrium.url).withToken(payload.token as string).run(Me);
    expect(me.me?.email).toBe(email);
  });

  it('issues a new session token at every login', async () => {
    const { email } = await signedUpBrowser(atrium.url, 'Two Logins');
    const first = new Actor(atrium.url);
    const second = new Actor(atrium.url);
    await first.run(LogIn, { input: { email, password: STRONG_PASSWORD } });
    await second.run(LogIn, { input: { email, password: STRONG_PASSWORD } });
    expect(first.cookies.get('atrium_session')).toBeDefined();
    expect(first.cookies.get('atrium_session')).not.toBe(second.cookies.get('atrium_session'));
  });
});

describe('logOut and me', () => {
  it('me is null for an anonymous caller', async () => {
    expect((await new Actor(atrium.url).run(Me)).me).toBeNull();
  });

  it('ends the session: the same cookie is refused afterwards and the cookie is cleared', async () => {
    const { actor } = await signedUpBrowser(atrium.url, 'Leaving Soon');
    const cookie = actor.cookies.get('atrium_session') as string;
    const result = await actor.execute(LogOut);
    expect(result.data?.logOut).toBe(true);
    expect(result.headers.getSetCookie()[0]).toMatch(/^atrium_session=; Path=\/; Max-Age=0/);

    const replay = new Actor(atrium.url);
    replay.cookies.set('atrium_session', cookie);
    expect((await replay.run(Me)).me).toBeNull();
  });

  it('a revoked bearer token is refused', async () => {
    const { email } = await signedUpBrowser(atrium.url, 'Bearer Out');
    const login = await new Actor(atrium.url).run(LogIn, {
      input: { email, password: STRONG_PASSWORD, issueToken: true },
    });
    if (login.logIn.__typename !== 'AuthPayload') throw new Error('expected AuthPayload');
    const tool = new Actor(atrium.url).withToken(login.logIn.token as string);
    expect((await tool.run(LogOut)).logOut).toBe(true);
    expect((await tool.run(Me)).me).toBeNull();
  });
});

describe('concurrent requests', () => {
  it('each gets its own account when their session lookups share one database query', async () => {
    const tools = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const email = uniqueEmail(`batch${i}`);
        const data = await new Actor(atrium.url).run(SignUp, {
          input: { email, password: STRONG_PASSWORD, fullName: `Batch ${i}`, issueToken: true },
        });
        return { email, actor: new Actor(atrium.url).withToken(data.signUp.token as string) };
      }),
    );
    const impostor = new Actor(atrium.url).withToken('not-a-token');
    const [answers, impostorAnswer] = await Promise.all([
      Promise.all(tools.map(({ actor }) => actor.run(Me))),
      impostor.run(Me),
    ]);
    expect(answers.map((answer) => answer.me?.email)).toEqual(tools.map((tool) => tool.email));
    expect(impostorAnswer.me).toBeNull();
  });
});
