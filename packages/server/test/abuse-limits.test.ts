import type { AtriumServer } from '../src/app';
import { SecurityEventEntity } from '../src/modules/security-events/security-event.entity';
import { STRONG_PASSWORD, signedUpBrowser } from './support/actors';
import { LogIn, SignUp } from './support/documents';
import { Actor, errorCode, type GraphQLResult } from './support/graphql';
import { PrivateRedis } from './support/redis';
import { startTestCluster, startTestServer, uniqueEmail } from './support/server';

/**
 * Limits that must hold when an attacker sends everything at once, to two instances that
 * share their counters through Redis.
 */
let redis: PrivateRedis | null = null;
let a: AtriumServer;
let b: AtriumServer;

beforeAll(async () => {
  // CI's MariaDB run passes the shared Redis; otherwise the test brings its own.
  if (!process.env.REDIS_URL) redis = await PrivateRedis.start();
  [a, b] = await startTestCluster(2, { REDIS_URL: process.env.REDIS_URL ?? redis!.url });
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await redis?.stop();
});

/** Alternates the two instances, as a load balancer would. */
const instance = (i: number) => (i % 2 === 0 ? a : b);

function codes(results: Array<GraphQLResult<unknown>>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const result of results) {
    const code = result.errors ? String(errorCode(result)) : 'OK';
    counts[code] = (counts[code] ?? 0) + 1;
  }
  return counts;
}

describe('the log-in lockout under concurrency', () => {
  it('checks at most 100 of 200 wrong passwords sent at once from 200 addresses to two instances', async () => {
    const { email, accountId } = await signedUpBrowser(a.url, 'Under Siege');
    const guesses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        new Actor(instance(i).url).execute(LogIn, {
          input: { email, password: `Guess-wrong-${i}` },
        }),
      ),
    );
    // Every guess gets the one answer a wrong password gets...
    expect(codes(guesses)).toEqual({ UNAUTHENTICATED: 200 });
    expect(new Set(guesses.map((guess) => guess.errors?.[0].message))).toEqual(
      new Set(['Invalid email or password']),
    );
    // ...but only 100 were checked against the password (each check that fails is recorded).
    const checked = await a.dataSource
      .getRepository(SecurityEventEntity)
      .countBy({ accountId, type: 'SIGN_IN_FAILED' });
    expect(checked).toBe(100);
    // And the right password, on either instance, is refused the same way until the window passes.
    for (const server of [a, b]) {
      const right = await new Actor(server.url).execute(LogIn, {
        input: { email, password: STRONG_PASSWORD },
      });
      expect(right.errors?.[0]).toMatchObject({
        message: 'Invalid email or password',
        extensions: { code: 'UNAUTHENTICATED' },
      });
    }
  }, 120_000);

  it('refunds the guess of a right password, so people who sign in never lock themselves out', async () => {
    const { email } = await signedUpBrowser(a.url, 'Often Back');
    for (let i = 0; i < 105; i += 1) {
      const result = await new Actor(instance(i).url).execute(LogIn, {
        input: { email, password: STRONG_PASSWORD },
      });
      expect(result.errors).toBeUndefined();
    }
  }, 120_000);

  it('refunds only the right guess: wrong ones before a sign-in still count', async () => {
    const { email } = await signedUpBrowser(a.url, 'Guessed Between');
    const logIn = (i: number, password: string) =>
      new Actor(instance(i).url).execute(LogIn, { input: { email, password } });
    const wrong = await Promise.all(
      Array.from({ length: 99 }, (_, i) => logIn(i, `Guess-wrong-${i}`)),
    );
    expect(codes(wrong)).toEqual({ UNAUTHENTICATED: 99 });
    // The owner signs in between the guesses: the 99 stay counted...
    expect((await logIn(0, STRONG_PASSWORD)).errors).toBeUndefined();
    // ...so the 100th wrong guess spends the account's last one, and the right password waits.
    expect(errorCode(await logIn(1, 'Guess-wrong-again'))).toBe('UNAUTHENTICATED');
    expect(errorCode(await logIn(0, STRONG_PASSWORD))).toBe('UNAUTHENTICATED');
  }, 120_000);
});

describe('sign-up limits', () => {
  it('answers RATE_LIMITED after 20 sign-ups from one address, across instances', async () => {
    // An address of its own per run: CI's Redis outlives the run's counters.
    const ip = new Actor(a.url).ip;
    const results = [];
    for (let i = 0; i < 24; i += 1) {
      results.push(
        await new Actor(instance(i).url, { 'x-forwarded-for': ip }).execute(SignUp, {
          input: { email: uniqueEmail('burst'), password: STRONG_PASSWORD, fullName: 'Burst' },
        }),
      );
    }
    expect(codes(results.slice(0, 20))).toEqual({ OK: 20 });
    expect(codes(results.slice(20))).toEqual({ RATE_LIMITED: 4 });
    expect(results[20].errors?.[0].extensions?.retryAfterSeconds).toEqual(expect.any(Number));
  }, 60_000);

  it('answers RATE_LIMITED after 5 attempts at one address, from any address', async () => {
    const { email } = await signedUpBrowser(a.url, 'Taken Already');
    const results = [];
    for (let i = 0; i < 7; i += 1) {
      results.push(
        await new Actor(instance(i).url).execute(SignUp, {
          input: { email, password: STRONG_PASSWORD, fullName: 'Prober' },
        }),
      );
    }
    // The sign-up itself was the first attempt at this address.
    expect(codes(results)).toEqual({ CONFLICT: 4, RATE_LIMITED: 3 });
  }, 60_000);

  it('keeps the counters of a deployment with another REDIS_PREFIX apart, on the same Redis', async () => {
    const { email } = await signedUpBrowser(a.url, 'Counted Once');
    for (let i = 0; i < 6; i += 1) {
      await new Actor(a.url).execute(SignUp, {
        input: { email, password: STRONG_PASSWORD, fullName: 'Prober' },
      });
    }
    const other = await startTestServer({
      REDIS_URL: process.env.REDIS_URL ?? redis!.url,
      REDIS_PREFIX: 'atrium-other:',
    });
    try {
      // Its own database has no such account, and its own counters have no attempts at it.
      const there = await new Actor(other.url).execute(SignUp, {
        input: { email, password: STRONG_PASSWORD, fullName: 'Elsewhere' },
      });
      expect(codes([there])).toEqual({ OK: 1 });
      const here = await new Actor(b.url).execute(SignUp, {
        input: { email, password: STRONG_PASSWORD, fullName: 'Prober' },
      });
      expect(codes([here])).toEqual({ RATE_LIMITED: 1 });
    } finally {
      await other.close();
    }
  }, 60_000);
});
