import type { AtriumServer } from '../src/app';
import { SessionEntity } from '../src/modules/session/session.entity';
import { newId } from '../src/db/columns';
import { signedUpBrowser, STRONG_PASSWORD } from './support/actors';
import { LogIn, Me, MySessions, RevokeOtherSessions, RevokeSession } from './support/documents';
import { Actor, errorCode } from './support/graphql';
import { startTestServer } from './support/server';
import { LiveClient, SESSION_EVENTS, untilLive } from './support/live';

const CHROME_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const FIREFOX_LINUX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

let atrium: AtriumServer;

beforeAll(async () => {
  atrium = await startTestServer();
});

afterAll(async () => {
  await atrium.close();
});

/** The same person signed in on a second device. */
async function secondDevice(url: string, email: string, userAgent = FIREFOX_LINUX): Promise<Actor> {
  const device = new Actor(url, { 'user-agent': userAgent });
  await device.run(LogIn, { input: { email, password: STRONG_PASSWORD } });
  return device;
}

describe('mySessions', () => {
  it('lists my devices with parsed user agents, the current one flagged', async () => {
    const laptop = new Actor(atrium.url, { 'user-agent': CHROME_WINDOWS });
    const { email } = await signedUpBrowser(atrium.url, 'Device Owner');
    await laptop.run(LogIn, { input: { email, password: STRONG_PASSWORD } });
    await secondDevice(atrium.url, email);

    const { mySessions } = await laptop.run(MySessions);
    expect(mySessions).toHaveLength(3);
    const current = mySessions.filter((session) => session.current);
    expect(current).toHaveLength(1);
    expect(current[0]).toMatchObject({
      deviceType: 'desktop',
      browser: 'Chrome 131',
      os: 'Windows 10',
      ipAddress: laptop.ip,
      location: null, // a private address has no place
      revokedAt: null,
    });
    expect(mySessions.map((s) => s.browser)).toContain('Firefox 128');
  });

  it('is refused for an anonymous caller', async () => {
    expect(errorCode(await new Actor(atrium.url).execute(MySessions))).toBe('UNAUTHENTICATED');
  });
});

describe('revokeSession', () => {
  it('signs one of my other devices out: its very next request is anonymous', async () => {
    const { actor: laptop, email } = await signedUpBrowser(atrium.url, 'Revoker');
    const phone = await secondDevice(atrium.url, email);
    const phoneSession = (await phone.run(MySessions)).mySessions.find((s) => s.current)!;

    const { revokeSession } = await laptop.run(RevokeSession, { id: phoneSession.id });
    expect(revokeSession.id).toBe(phoneSession.id);
    expect(revokeSession.revokedAt).not.toBeNull();

    expect((await phone.run(Me)).me).toBeNull();
    expect((await laptop.run(MySessions)).mySessions.map((s) => s.id)).not.toContain(
      phoneSession.id,
    );
  });

  it("answers NOT_FOUND for another account's session and changes nothing", async () => {
    const victim = await signedUpBrowser(atrium.url, 'Victim');
    const attacker = await signedUpBrowser(atrium.url, 'Attacker');
    const victimSession = (await victim.actor.run(MySessions)).mySessions[0];

    const result = await attacker.actor.execute(RevokeSession, { id: victimSession.id });
    expect(errorCode(result)).toBe('NOT_FOUND');
    expect((await victim.actor.run(Me)).me?.email).toBe(victim.email);
    const row = await atrium.dataSource
      .getRepository(SessionEntity)
      .findOneByOrFail({ id: victimSession.id });
    expect(row.revokedAt).toBeNull();
  });

  it('answers NOT_FOUND for an id that does not exist, and UNAUTHENTICATED when anonymous', async () => {
    const { actor } = await signedUpBrowser(atrium.url, 'Unknown Id');
    const unknown = newId();
    expect(errorCode(await actor.execute(RevokeSession, { id: unknown }))).toBe('NOT_FOUND');
    expect(errorCode(await new Actor(atrium.url).execute(RevokeSession, { id: unknown }))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('refuses an id that is not one this API gives out, naming the field, before any lookup', async () => {
    const { actor } = await signedUpBrowser(atrium.url, 'Malformed Id');
    const current = (await actor.run(MySessions)).mySessions.find((s) => s.current);
    // Case and a combining mark: MariaDB's collation would match these to the real row.
    for (const id of ['nope', current!.id.toUpperCase(), `${current!.id}\u0301`]) {
      const result = await actor.execute(RevokeSession, { id });
      expect(result.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reasons: { id: 'INVALID_ID' },
      });
    }
    expect((await actor.run(Me)).me).not.toBeNull();
  });

  it('revoking the current session signs this device out and clears its cookie', async () => {
    const { actor } = await signedUpBrowser(atrium.url, 'Self Revoker');
    const current = (await actor.run(MySessions)).mySessions[0];
    const result = await actor.execute(RevokeSession, { id: current.id });
    expect(result.headers.getSetCookie()[0]).toMatch(/^atrium_session=; .*Max-Age=0/);
    expect((await actor.run(Me)).me).toBeNull();
  });
});

describe('revokeOtherSessions', () => {
  it('signs out every other device, says how many, and keeps this one', async () => {
    const { actor: laptop, email } = await signedUpBrowser(atrium.url, 'Everywhere');
    const others = await Promise.all([
      secondDevice(atrium.url, email),
      secondDevice(atrium.url, email),
    ]);

    expect((await laptop.run(RevokeOtherSessions)).revokeOtherSessions).toBe(2);
    for (const other of others) expect((await other.run(Me)).me).toBeNull();
    expect((await laptop.run(Me)).me?.email).toBe(email);
    expect((await laptop.run(RevokeOtherSessions)).revokeOtherSessions).toBe(0);
  });

  it('is refused for an anonymous caller', async () => {
    expect(errorCode(await new Actor(atrium.url).execute(RevokeOtherSessions))).toBe(
      'UNAUTHENTICATED',
    );
  });
});

describe('session lifetime', () => {
  const sessions = () => atrium.dataSource.getRepository(SessionEntity);

  async function currentSession(actor: Actor): Promise<SessionEntity> {
    const id = (await actor.run(MySessions)).mySessions.find((s) => s.current)!.id;
    return sessions().findOneByOrFail({ id });
  }

  it('writes lastActiveAt at most once a minute, sliding the expiry but never past the cap', async () => {
    const { actor } = await signedUpBrowser(atrium.url, 'Active Person');
    const fresh = await currentSession(actor);
    await actor.run(Me);
    expect((await currentSession(actor)).lastActiveAt.getTime()).toBe(fresh.lastActiveAt.getTime());

    const twoMinutesAgo = new Date(Date.now() - 2 * 60 * 1000);
    const soon = new Date(Date.now() + 60 * 60 * 1000);
    await sessions().update(
      { id: fresh.id },
      { lastActiveAt: twoMinutesAgo, absoluteExpiresAt: soon, expiresAt: soon },
    );
    await actor.run(Me);
    const touched = await currentSession(actor);
    expect(touched.lastActiveAt.getTime()).toBeGreaterThan(twoMinutesAgo.getTime() + 60 * 1000);
    // 30 idle days would pass the absolute cap, so the cap wins.
    expect(touched.expiresAt.getTime()).toBe(soon.getTime());
  });

  it('refuses and deletes a session past its sliding expiry', async () => {
    const { actor } = await signedUpBrowser(atrium.url, 'Idle Person');
    const session = await currentSession(actor);
    await sessions().update({ id: session.id }, { expiresAt: new Date(Date.now() - 1000) });
    expect((await actor.run(Me)).me).toBeNull();
    expect(await sessions().findOneBy({ id: session.id })).toBeNull();
  });

  it('refuses a session past its absolute cap even when recently active', async () => {
    const { actor } = await signedUpBrowser(atrium.url, 'Old Session');
    const session = await currentSession(actor);
    await sessions().update({ id: session.id }, { absoluteExpiresAt: new Date(Date.now() - 1000) });
    expect((await actor.run(Me)).me).toBeNull();
  });

  it('cleans up expired and long-revoked sessions', async () => {
    const { actor } = await signedUpBrowser(atrium.url, 'Cleanup');
    const session = await currentSession(actor);
    await sessions().update(
      { id: session.id },
      { revokedAt: new Date(Date.now() - 31 * 24 * 3600 * 1000) },
    );
    expect(await atrium.services.sessions.deleteStale()).toBeGreaterThanOrEqual(1);
    expect(await sessions().findOneBy({ id: session.id })).toBeNull();
  });
});

describe('client address', () => {
  let behindProxy: AtriumServer;

  beforeAll(async () => {
    behindProxy = await startTestServer({ TRUSTED_PROXIES: '127.0.0.0/8,::1' });
  });

  afterAll(async () => {
    await behindProxy.close();
  });

  it('believes X-Forwarded-For from a trusted proxy and locates the address offline', async () => {
    const { email } = await signedUpBrowser(behindProxy.url, 'Proxied');
    const viaProxy = new Actor(behindProxy.url, { 'x-forwarded-for': '8.8.8.8, 10.0.0.7' });
    await viaProxy.run(LogIn, { input: { email, password: STRONG_PASSWORD } });
    const current = (await viaProxy.run(MySessions)).mySessions.find((s) => s.current)!;
    // 10.0.0.7 is not a trusted proxy, so it is the client (private: no location).
    expect(current).toMatchObject({ ipAddress: '10.0.0.7', location: null });

    const direct = new Actor(behindProxy.url, { 'x-forwarded-for': '8.8.8.8' });
    await direct.run(LogIn, { input: { email, password: STRONG_PASSWORD } });
    const located = (await direct.run(MySessions)).mySessions.find((s) => s.current)!;
    expect(located.ipAddress).toBe('8.8.8.8');
    expect(located.location).toMatch(/, US$/);
  });

  it('ignores X-Forwarded-For from anyone else', async () => {
    const direct = await startTestServer({ TRUSTED_PROXIES: '' });
    const { email } = await signedUpBrowser(direct.url, 'Spoofer');
    const spoofer = new Actor(direct.url, { 'x-forwarded-for': '8.8.8.8' });
    await spoofer.run(LogIn, { input: { email, password: STRONG_PASSWORD } });
    const current = (await spoofer.run(MySessions)).mySessions.find((s) => s.current)!;
    expect(current.ipAddress).toMatch(/^(127\.0\.0\.1|::1)$/);
    expect(current.location).toBeNull();
    await direct.close();
  });
});

describe('sessionEvents without Redis (in-process)', () => {
  it('delivers REVOKED to the revoked session, then closes its socket with 4403', async () => {
    const single = await startTestServer({ REDIS_URL: '' });
    const { email } = await signedUpBrowser(single.url, 'Single Instance');
    const tools = await Promise.all(
      [0, 1].map(async () => {
        const data = await new Actor(single.url).run(LogIn, {
          input: { email, password: STRONG_PASSWORD, issueToken: true },
        });
        if (data.logIn.__typename !== 'AuthPayload') throw new Error('expected AuthPayload');
        return { token: data.logIn.token as string, sessionId: data.logIn.session.id };
      }),
    );
    const live = new LiveClient(single.url, { token: tools[0].token });
    live.subscribe(SESSION_EVENTS);
    await untilLive([live], async () => {
      const probe = await new Actor(single.url).run(LogIn, {
        input: { email, password: STRONG_PASSWORD, issueToken: true },
      });
      if (probe.logIn.__typename !== 'AuthPayload') throw new Error('expected AuthPayload');
      return probe.logIn.session.id;
    });
    await new Actor(single.url)
      .withToken(tools[1].token)
      .run(RevokeSession, { id: tools[0].sessionId });
    await live.waitFor(() => live.closeCode !== null, 3000, 'the close');
    expect(live.events).toEqual([
      {
        sessionEvents: {
          type: 'REVOKED',
          session: { id: tools[0].sessionId, current: true, browser: null },
        },
      },
    ]);
    expect(live.closeCode).toBe(4403);
    await live.dispose();
    await single.close();
  });
});
