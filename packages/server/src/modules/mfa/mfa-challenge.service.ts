import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Caller } from '../../caller/caller';
import { newId } from '../../db/columns';
import { badUserInput, fail } from '../../graphql/errors';
import { generateToken } from '../../lib/tokens';
import type { Delivery } from '../../messaging/delivery';
import { renderSmsCode } from '../../messaging/templates';
import type { RateLimits } from '../../security/rate-limits';
import { AccountEntity } from '../account/account.entity';
import { MfaChallengeEntity } from './mfa-challenge.entity';
import { defaultMethodOf, maskPhone, MfaMethod, mfaMethodsOf, phoneCountry } from './mfa-methods';
import { hashChallengeId, type MfaService, type SecondFactor } from './mfa.service';

const CHALLENGE_TTL_MS = 5 * 60 * 1000;
export const MAX_CHALLENGE_ATTEMPTS = 5;
export const SMS_CODE_TTL_MS = 10 * 60 * 1000;
/** Texts one log-in may ask for (the first and two resends). */
export const MAX_SMS_PER_CHALLENGE = 3;

/** What the client learns with a challenge: the account's methods, so it can offer them. */
export interface IssuedChallenge {
  challengeId: string;
  methods: MfaMethod[];
  defaultMethod: MfaMethod;
  /** The phone the codes go to, masked, when SMS is one of the methods. */
  phoneHint: string | null;
}

export interface SmsCodeSent {
  phoneHint: string;
  expiresAt: Date;
}

/**
 * The log-in's second step: bound to one account, short-lived, at most 5 wrong codes in all
 * (from the app, a text message or the backup codes). A text-message code is sent only when the
 * client asks, at most 3 times per challenge, and within limits per account, per client address
 * and per destination country, so that nobody can run up a bill by pumping texts to numbers of
 * their own; it belongs to the challenge it was sent for and lives 10 minutes.
 */
export class MfaChallengeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mfa: MfaService,
    private readonly limits: RateLimits,
    private readonly delivery: Delivery,
    private readonly secretKey: string,
    private readonly passkeyCount: (accountId: string) => Promise<number>,
  ) {}

  async create(account: AccountEntity): Promise<IssuedChallenge> {
    const challengeId = generateToken();
    const now = new Date();
    await this.dataSource.getRepository(MfaChallengeEntity).insert({
      id: newId(),
      accountId: account.id,
      challengeHash: hashChallengeId(challengeId),
      attempts: 0,
      expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS),
      smsCodeHash: null,
      smsCodeExpiresAt: null,
      smsSends: 0,
      usedAt: null,
      createdAt: now,
    });
    const methods = mfaMethodsOf(account, await this.passkeyCount(account.id));
    return {
      challengeId,
      methods,
      defaultMethod: defaultMethodOf(account, methods) ?? MfaMethod.TOTP,
      phoneHint: methods.includes(MfaMethod.SMS) && account.phone ? maskPhone(account.phone) : null,
    };
  }

  /** Texts a 6-digit code for this challenge to the account's verified phone. */
  async sendSmsCode(challengeId: string, caller: Caller): Promise<SmsCodeSent> {
    await this.limits.consume('mfaSmsPerIp', caller.client.ip ?? 'unknown');
    const challenge = await this.live(challengeId);
    const account = await this.dataSource
      .getRepository(AccountEntity)
      .findOneByOrFail({ id: challenge.accountId });
    if (!account.smsMfaEnabled || !account.phone) throw fail('SMS_MFA_OFF');
    if (challenge.smsSends >= MAX_SMS_PER_CHALLENGE) throw fail('SMS_SENDS_EXHAUSTED');
    await this.limits.consume('mfaSmsPerAccount', account.id);
    await this.limits.consume('smsPerCountry', phoneCountry(account.phone));
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAt = new Date(Date.now() + SMS_CODE_TTL_MS);
    const stored = await this.dataSource
      .getRepository(MfaChallengeEntity)
      .createQueryBuilder()
      .update()
      .set({
        smsCodeHash: this.smsCodeHash(challenge.id, code),
        smsCodeExpiresAt: expiresAt,
        smsSends: () => 'sms_sends + 1',
        // The challenge lasts as long as the code it is waiting for.
        expiresAt: new Date(Math.max(challenge.expiresAt.getTime(), expiresAt.getTime())),
      })
      .where('id = :id AND sms_sends < :max AND used_at IS NULL', {
        id: challenge.id,
        max: MAX_SMS_PER_CHALLENGE,
      })
      .execute();
    if ((stored.affected ?? 0) !== 1) throw fail('SMS_SENDS_EXHAUSTED');
    await this.delivery.text(account.phone, renderSmsCode(account.locale, code));
    return { phoneHint: maskPhone(account.phone), expiresAt };
  }

  /** The account the challenge was for, once a right code has used it up. */
  async complete(
    challengeId: string,
    code: string,
    ip: string | null,
  ): Promise<{ accountId: string; factor: SecondFactor }> {
    await this.limits.consume('mfaAttemptPerIp', ip ?? 'unknown');
    const repository = this.dataSource.getRepository(MfaChallengeEntity);
    const challenge = await this.live(challengeId);
    await this.limits.consume('mfaAttemptPerAccount', challenge.accountId);
    const counted = await repository
      .createQueryBuilder()
      .update()
      .set({ attempts: () => 'attempts + 1' })
      .where('id = :id AND attempts < :max', { id: challenge.id, max: MAX_CHALLENGE_ATTEMPTS })
      .execute();
    if ((counted.affected ?? 0) !== 1) throw badUserInput({ code: 'MFA_CHALLENGE_LOCKED' });
    const factor = await this.verify(challenge, code);
    const used = await repository
      .createQueryBuilder()
      .update()
      .set({ usedAt: new Date() })
      .where('id = :id AND used_at IS NULL', { id: challenge.id })
      .execute();
    if ((used.affected ?? 0) !== 1) throw badUserInput({ challengeId: 'MFA_CHALLENGE_EXPIRED' });
    return { accountId: challenge.accountId, factor };
  }

  /** A text-message code sent for this challenge, else one from the app or a backup code. */
  private async verify(challenge: MfaChallengeEntity, code: string): Promise<SecondFactor> {
    const digits = code.replace(/\s/g, '');
    const smsExpired =
      challenge.smsCodeHash !== null &&
      (challenge.smsCodeExpiresAt === null || challenge.smsCodeExpiresAt <= new Date());
    if (challenge.smsCodeHash && !smsExpired && /^\d{6}$/.test(digits)) {
      const expected = Buffer.from(challenge.smsCodeHash, 'hex');
      const given = Buffer.from(this.smsCodeHash(challenge.id, digits), 'hex');
      if (timingSafeEqual(expected, given)) return 'SMS';
    }
    const factor = await this.mfa.verifySecondFactor(challenge.accountId, code);
    if (factor) return factor;
    throw badUserInput({ code: smsExpired ? 'SMS_CODE_EXPIRED' : 'CODE_INCORRECT' });
  }

  private async live(challengeId: string): Promise<MfaChallengeEntity> {
    const challenge =
      challengeId.length <= 64
        ? await this.dataSource
            .getRepository(MfaChallengeEntity)
            .findOneBy({ challengeHash: hashChallengeId(challengeId) })
        : null;
    if (!challenge || challenge.usedAt || challenge.expiresAt <= new Date())
      throw badUserInput({ challengeId: 'MFA_CHALLENGE_EXPIRED' });
    return challenge;
  }

  /** Keyed by SECRET_KEY and bound to the challenge: a million guesses offline would find a plain hash. */
  private smsCodeHash(challengeRowId: string, code: string): string {
    return createHmac('sha256', this.secretKey)
      .update(`mfa-sms:${challengeRowId}:${code}`)
      .digest('hex');
  }
}
