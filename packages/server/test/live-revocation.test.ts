import WebSocket from 'ws';
import type { AtriumServer } from '../src/app';
import { signedUpTool, STRONG_PASSWORD } from './support/actors';
import { LogIn, Me, MySessions, RevokeSession } from './support/documents';
import { Actor, errorCode } from './support/graphql';
import { LiveClient, SESSION_EVENTS, untilLive, type SessionEventData } from './support/live';
import { PrivateRedis } from './support/redis';
import { startTestCluster } from './support/server';

/** A tool's second session for the same account, on the given instance. */
async function logInTool(url: string, email: string): Promise<{ actor: Actor; sessionId: string }> {
  const data = await new Actor(url).run(LogIn, {
    input: { email, password: STRONG_PASSWORD, issueToken: true },
  });
  if (data.logIn.__typename !== 'AuthPayload') throw new Error('expected AuthPayload');
  return {
    actor: new Actor(url).withToken(data.logIn.token as string),
    sessionId: data.logIn.session.id,
  };
}

function eventsOf(client: LiveClient): SessionEventData['sessionEvents'][] {
  return (client.events as SessionEventData[]).map((event) => event.sessionEvents);
}

/** A connection that is open and acknowledged but runs no operation. */
function idleConnection(url: string, token: string): Promise<{ closed: Promise<number> }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    const closed = new Promise<number>((done) => socket.on('close', (code) => done(code)));
    socket.on('open', () =>
      socket.send(
        JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }),
      ),
    );
    socket.on('message', (data) => {
      if (JSON.parse(String(data)).type === 'connection_ack') resolve({ closed });
    });
    socket.on('error', reject);
  });
}

/** Opens a raw graphql-ws connection and reports how the server answered connection_init. */
function connectionOutcome(url: string, token: string): Promise<number | 'ack'> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    socket.on('open', () =>
      socket.send(
        JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }),
      ),
    );
    socket.on('message', (data) => {
      if (JSON.parse(String(data)).type === 'connection_ack') {
        resolve('ack');
        socket.close();
      }
    });
    socket.on('close', (code) => resolve(code));
  });
}

describe('live revocation across instances through Redis', () => {
  let redis: PrivateRedis | null = null;
  let a: AtriumServer;
  let b: AtriumServer;
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    // CI's MariaDB run passes the shared Redis; otherwise the test brings its own.
    if (!process.env.REDIS_URL) redis = await PrivateRedis.start();
    [a, b] = await startTestCluster(2, { REDIS_URL: process.env.REDIS_URL ?? redis!.url });
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.dispose()));
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await redis?.stop();
  });

  /** Waits until each client's subscription is live (see untilLive). */
  async function whenLive(email: string, ...clients: LiveClient[]): Promise<void> {
    await untilLive(clients, async () => (await logInTool(a.url, email)).sessionId);
  }

  function live(url: string, token: string): LiveClient {
    const client = new LiveClient(url, { token });
    clients.push(client);
    client.subscribe(SESSION_EVENTS);
    return client;
  }

  it('revoking on A delivers REVOKED on B, then closes that socket with 4403; the token is refused everywhere', async () => {
    const { actor: laptop, email } = await signedUpTool(a.url);
    const phone = await logInTool(b.url, email);
    const phoneLive = live(b.url, phone.actor.token!);
    const laptopLive = live(b.url, laptop.token!);
    await whenLive(email, phoneLive, laptopLive);

    await laptop.run(RevokeSession, { id: phone.sessionId });

    await phoneLive.waitFor(() => phoneLive.closeCode !== null, 3000, 'the phone socket to close');
    expect(eventsOf(phoneLive)).toEqual([
      { type: 'REVOKED', session: { id: phone.sessionId, current: true, browser: null } },
    ]);
    expect(phoneLive.closeCode).toBe(4403);

    // The laptop's own socket stays open and hears about it too.
    await laptopLive.waitFor(
      () => eventsOf(laptopLive).some((e) => e.type === 'REVOKED'),
      3000,
      'the laptop event',
    );
    expect(eventsOf(laptopLive)).toContainEqual({
      type: 'REVOKED',
      session: { id: phone.sessionId, current: false, browser: null },
    });
    expect(laptopLive.closeCode).toBeNull();

    for (const instance of [a, b]) {
      expect((await new Actor(instance.url).withToken(phone.actor.token!).run(Me)).me).toBeNull();
    }
    expect(await connectionOutcome(b.url, phone.actor.token!)).toBe(4403);
    expect(await connectionOutcome(a.url, phone.actor.token!)).toBe(4403);
    expect(await connectionOutcome(b.url, laptop.token!)).toBe('ack');
  });

  it('tells my open clients on every instance when a new session is created', async () => {
    const { actor, email } = await signedUpTool(a.url);
    const watcher = live(b.url, actor.token!);
    await whenLive(email, watcher);
    const newcomer = await logInTool(a.url, email);
    await watcher.waitFor(() => eventsOf(watcher).length > 0, 3000, 'the CREATED event');
    expect(eventsOf(watcher)).toEqual([
      { type: 'CREATED', session: { id: newcomer.sessionId, current: false, browser: null } },
    ]);
  });

  it("closes an idle socket of the revoked session too, and never tells another account's clients", async () => {
    const { actor: owner, email } = await signedUpTool(a.url);
    const stranger = await signedUpTool(a.url);
    const strangerLive = live(b.url, stranger.actor.token!);
    await whenLive(stranger.email, strangerLive);
    const idle = await logInTool(b.url, email);
    const idleSocket = await idleConnection(b.url, idle.actor.token!);

    await owner.run(RevokeSession, { id: idle.sessionId });
    expect(await idleSocket.closed).toBe(4403);
    // Events reach a subscriber in order: once the stranger hears a later event of their own,
    // anything of the owner's would have arrived before it.
    await whenLive(stranger.email, strangerLive);
    expect(strangerLive.events).toEqual([]);
  });

  it('refuses sessionEvents to an anonymous connection', async () => {
    const anonymous = new LiveClient(a.url);
    clients.push(anonymous);
    anonymous.subscribe(SESSION_EVENTS);
    await anonymous.waitFor(() => anonymous.errors.length > 0, 3000, 'the refusal');
    expect(JSON.stringify(anonymous.errors)).toMatch(/UNAUTHENTICATED/);
  });
});

describe('when Redis goes away', () => {
  let redis: PrivateRedis;
  let a: AtriumServer;
  let b: AtriumServer;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    [a, b] = await startTestCluster(2, { REDIS_URL: redis.url });
  });

  afterAll(async () => {
    await a.close();
    await b.close();
    await redis.stop();
  });

  it('HTTP keeps serving, and subscriptions recover when it returns', async () => {
    const { actor: laptop, email } = await signedUpTool(a.url);
    const watcher = new LiveClient(b.url, { token: laptop.token! });
    watcher.subscribe(SESSION_EVENTS);
    await untilLive([watcher], async () => (await logInTool(a.url, email)).sessionId);

    await redis.stop();
    const during = await logInTool(a.url, email);
    expect((await during.actor.run(Me)).me?.email).toBe(email);
    expect(
      (await laptop.run(RevokeSession, { id: during.sessionId })).revokeSession.revokedAt,
    ).not.toBeNull();
    // The revocation holds on B without Redis: the database is the truth.
    expect((await new Actor(b.url).withToken(during.actor.token!).run(Me)).me).toBeNull();
    expect(
      errorCode(await new Actor(b.url).withToken(during.actor.token!).execute(MySessions)),
    ).toBe('UNAUTHENTICATED');

    await redis.start();
    // ioredis reconnects and re-subscribes on its own; keep acting until an event gets through.
    const deadline = Date.now() + 15_000;
    let recovered = false;
    while (!recovered && Date.now() < deadline) {
      const next = await logInTool(a.url, email);
      try {
        await watcher.waitFor(
          () => eventsOf(watcher).some((e) => e.session.id === next.sessionId),
          1000,
        );
        recovered = true;
      } catch {
        // not reconnected yet
      }
    }
    expect(recovered).toBe(true);
    expect(watcher.closeCode).toBeNull();
    await watcher.dispose();
  }, 30_000);
});
