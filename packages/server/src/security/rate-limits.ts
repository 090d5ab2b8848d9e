import type { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { fail, type AppError } from '../graphql/errors';

/** Every limit, in one place: how many attempts per how many seconds, per key. */
export const LIMITS = {
  /** Verification and email-change links requested, per account and per IP. */
  mailRequestPerAccount: { points: 5, duration: 3600 },
  mailRequestPerIp: { points: 20, duration: 3600 },
  /** Password-reset links, per address asked for (whether or not it exists) and per IP. */
  resetRequestPerEmail: { points: 3, duration: 3600 },
  resetRequestPerIp: { points: 10, duration: 3600 },
  /** Invitation mails (new and resent) per inviting account. */
  invitationMailPerAccount: { points: 50, duration: 3600 },
  /** DNS lookups to verify domains, per organization. */
  domainCheckPerOrganization: { points: 30, duration: 3600 },
  /** SMS codes sent, per account and per IP. */
  smsRequestPerAccount: { points: 3, duration: 3600 },
  smsRequestPerIp: { points: 10, duration: 3600 },
  /**
   * Texted sign-in codes, per account and per IP, and every SMS code per destination country
   * (all accounts together; SMS_COUNTRY_HOURLY_LIMIT overrides it): texts cost money, and
   * pumping them to premium numbers of one's own is a known way to run up a bill.
   */
  mfaSmsPerAccount: { points: 5, duration: 3600 },
  mfaSmsPerIp: { points: 10, duration: 3600 },
  smsPerCountry: { points: 100, duration: 3600 },
  /** Passkey log-in options (the log-in page asks for them on every visit, for autofill). */
  passkeyOptionsPerIp: { points: 300, duration: 900 },
  /** Guesses at emailed tokens and SMS codes. */
  tokenAttemptPerIp: { points: 30, duration: 900 },
  codeAttemptPerAccount: { points: 20, duration: 3600 },
  /**
   * Log-in attempts per IP, and guesses per account before a silent lockout: a guess is
   * counted before the password is checked and refunded when it was right, so no more than
   * 100 wrong passwords are ever checked per account and day, however many arrive at once.
   */
  logInPerIp: { points: 100, duration: 900 },
  logInFailuresPerAccount: { points: 100, duration: 24 * 3600 },
  /** Sign-ups per IP and per address asked for: each answer says whether it is taken. */
  signUpPerIp: { points: 20, duration: 3600 },
  signUpPerEmail: { points: 5, duration: 3600 },
  /** Second-factor codes at log-in, across challenges, and password confirmations (sudo). */
  mfaAttemptPerAccount: { points: 20, duration: 900 },
  mfaAttemptPerIp: { points: 50, duration: 900 },
  reauthAttemptPerAccount: { points: 10, duration: 900 },
} as const;

export type LimitName = keyof typeof LIMITS;

/** RATE_LIMITED; clients have long read the wait from `extensions.retryAfterSeconds`. */
export function rateLimited(retryAfterSeconds: number): AppError {
  return fail('TOO_MANY_ATTEMPTS', {
    params: { retryAfterSeconds },
    extensions: { retryAfterSeconds },
  });
}

/**
 * Counters shared by every instance through Redis when it is configured, in-process otherwise.
 * With Redis away, an in-memory limiter stands in, so requests are still limited and served.
 */
export class RateLimits {
  private readonly limiters: Record<LimitName, RateLimiterAbstract>;

  /** `prefix` starts every Redis key (REDIS_PREFIX); `points` overrides limits by name. */
  constructor(
    redis: Redis | null,
    prefix = 'atrium:',
    points: Partial<Record<LimitName, number>> = {},
  ) {
    const entries = Object.entries(LIMITS).map(([name, limit]) => {
      const { duration } = limit;
      const allowed = points[name as LimitName] ?? limit.points;
      const keyPrefix = `${prefix}rl:${name}`;
      const memory = new RateLimiterMemory({ keyPrefix, points: allowed, duration });
      const limiter = redis
        ? new RateLimiterRedis({
            storeClient: redis,
            keyPrefix,
            points: allowed,
            duration,
            insuranceLimiter: memory,
          })
        : memory;
      return [name, limiter];
    });
    this.limiters = Object.fromEntries(entries) as Record<LimitName, RateLimiterAbstract>;
  }

  /** Counts one attempt; throws RATE_LIMITED with retryAfterSeconds when over the limit. */
  async consume(name: LimitName, key: string): Promise<void> {
    try {
      await this.limiters[name].consume(key);
    } catch (error) {
      if (error instanceof RateLimiterRes)
        throw rateLimited(Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
      throw error;
    }
  }

  /**
   * Counts one attempt if one is left, atomically (one Redis command), and says whether it
   * was: for callers that answer an exhausted key without saying so.
   */
  async tryConsume(name: LimitName, key: string): Promise<boolean> {
    try {
      await this.limiters[name].consume(key);
      return true;
    } catch (error) {
      if (error instanceof RateLimiterRes) return false;
      throw error;
    }
  }

  /** Forgets every attempt counted for the key. */
  async reset(name: LimitName, key: string): Promise<void> {
    await this.limiters[name].delete(key);
  }

  /** Gives back one attempt counted by consume or tryConsume (never below none). */
  async refund(name: LimitName, key: string): Promise<void> {
    await this.limiters[name].reward(key, 1);
  }
}
