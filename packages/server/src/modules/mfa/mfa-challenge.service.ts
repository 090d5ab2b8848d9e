import type { DataSource } from 'typeorm';
import { newId } from '../../db/columns';
import { badUserInput } from '../../graphql/errors';
import { generateToken } from '../../lib/tokens';
import type { RateLimits } from '../../security/rate-limits';
import { MfaChallengeEntity } from './mfa-challenge.entity';
import { hashChallengeId, type MfaService, type SecondFactor } from './mfa.service';

const CHALLENGE_TTL_MS = 5 * 60 * 1000;
export const MAX_CHALLENGE_ATTEMPTS = 5;

/** The log-in's second step: bound to one account, short-lived, at most 5 wrong codes. */
export class MfaChallengeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mfa: MfaService,
    private readonly limits: RateLimits,
  ) {}

  async create(accountId: string): Promise<string> {
    const challengeId = generateToken();
    const now = new Date();
    await this.dataSource.getRepository(MfaChallengeEntity).insert({
      id: newId(),
      accountId,
      challengeHash: hashChallengeId(challengeId),
      attempts: 0,
      expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS),
      usedAt: null,
      createdAt: now,
    });
    return challengeId;
  }

  /** The account the challenge was for, once a right code has used it up. */
  async complete(
    challengeId: string,
    code: string,
    ip: string | null,
  ): Promise<{ accountId: string; factor: SecondFactor }> {
    await this.limits.consume('mfaAttemptPerIp', ip ?? 'unknown');
    const repository = this.dataSource.getRepository(MfaChallengeEntity);
    const challenge =
      challengeId.length <= 64
        ? await repository.findOneBy({ challengeHash: hashChallengeId(challengeId) })
        : null;
    if (!challenge || challenge.usedAt || challenge.expiresAt <= new Date())
      throw badUserInput({ challengeId: 'MFA_CHALLENGE_EXPIRED' });
    await this.limits.consume('mfaAttemptPerAccount', challenge.accountId);
    const counted = await repository
      .createQueryBuilder()
      .update()
      .set({ attempts: () => 'attempts + 1' })
      .where('id = :id AND attempts < :max', { id: challenge.id, max: MAX_CHALLENGE_ATTEMPTS })
      .execute();
    if ((counted.affected ?? 0) !== 1) throw badUserInput({ code: 'MFA_CHALLENGE_LOCKED' });
    const factor = await this.mfa.verifySecondFactor(challenge.accountId, code);
    if (!factor) throw badUserInput({ code: 'CODE_INCORRECT' });
    const used = await repository
      .createQueryBuilder()
      .update()
      .set({ usedAt: new Date() })
      .where('id = :id AND used_at IS NULL', { id: challenge.id })
      .execute();
    if ((used.affected ?? 0) !== 1) throw badUserInput({ challengeId: 'MFA_CHALLENGE_EXPIRED' });
    return { accountId: challenge.accountId, factor };
  }
}
