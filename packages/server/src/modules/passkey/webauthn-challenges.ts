import { In, IsNull, LessThan, type DataSource } from 'typeorm';
import { newId } from '../../db/columns';
import { generateToken, hashToken } from '../../lib/tokens';
import { WebAuthnChallengeEntity, type WebAuthnPurpose } from './webauthn-challenge.entity';

/** How long a browser has to finish a ceremony (the options' timeout says the same). */
export const WEBAUTHN_CHALLENGE_TTL_MS = 5 * 60 * 1000;

/**
 * Challenges for WebAuthn ceremonies. Each is taken at most once (a conditional update that must
 * change exactly one row, so a replay or a race finds nothing), within five minutes, by the
 * session or the log-in attempt it was issued to.
 */
export class WebAuthnChallenges {
  constructor(private readonly dataSource: DataSource) {}

  /** For a signed-in session's ceremony; the session's earlier one of this purpose stops working. */
  async issueForSession(
    sessionId: string,
    accountId: string,
    purpose: Exclude<WebAuthnPurpose, 'SIGN_IN'>,
  ): Promise<string> {
    const challenge = generateToken();
    await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(WebAuthnChallengeEntity);
      // Found with a plain read and deleted by primary key (no gap locks on MySQL).
      const earlier = await repository.find({
        where: { sessionId, purpose, usedAt: IsNull() },
        select: { id: true },
      });
      if (earlier.length > 0) await repository.delete({ id: In(earlier.map((row) => row.id)) });
      await repository.insert(this.row(purpose, challenge, { sessionId, accountId }));
    });
    return challenge;
  }

  /** For a passkey log-in: the attempt id goes to the client, and only its hash is kept. */
  async issueForAttempt(): Promise<{ attemptId: string; challenge: string }> {
    const attemptId = generateToken();
    const challenge = generateToken();
    await this.dataSource
      .getRepository(WebAuthnChallengeEntity)
      .insert(this.row('SIGN_IN', challenge, { attemptHash: hashToken(attemptId) }));
    return { attemptId, challenge };
  }

  /** Uses up the session's live challenge of `purpose`: the challenge, or null. */
  async takeForSession(
    sessionId: string,
    purpose: Exclude<WebAuthnPurpose, 'SIGN_IN'>,
  ): Promise<string | null> {
    const row = await this.dataSource.getRepository(WebAuthnChallengeEntity).findOne({
      where: { sessionId, purpose, usedAt: IsNull() },
      order: { createdAt: 'DESC' },
    });
    return row ? this.take(row) : null;
  }

  /** Uses up the attempt's challenge: the challenge, or null (unknown, used or expired). */
  async takeForAttempt(attemptId: string): Promise<string | null> {
    if (attemptId.length > 64) return null;
    const row = await this.dataSource
      .getRepository(WebAuthnChallengeEntity)
      .findOneBy({ attemptHash: hashToken(attemptId), purpose: 'SIGN_IN' });
    return row ? this.take(row) : null;
  }

  /** Deletes challenges that can no longer be used. */
  async deleteStale(now = new Date()): Promise<void> {
    await this.dataSource
      .getRepository(WebAuthnChallengeEntity)
      .delete({ expiresAt: LessThan(now) });
  }

  private async take(row: WebAuthnChallengeEntity): Promise<string | null> {
    const now = new Date();
    const result = await this.dataSource
      .getRepository(WebAuthnChallengeEntity)
      .createQueryBuilder()
      .update()
      .set({ usedAt: now })
      .where('id = :id AND used_at IS NULL AND expires_at > :now', { id: row.id, now })
      .execute();
    return (result.affected ?? 0) === 1 ? row.challenge : null;
  }

  private row(
    purpose: WebAuthnPurpose,
    challenge: string,
    owner: { sessionId?: string; accountId?: string; attemptHash?: string },
  ): WebAuthnChallengeEntity {
    const now = new Date();
    return Object.assign(new WebAuthnChallengeEntity(), {
      id: newId(),
      purpose,
      challenge,
      attemptHash: owner.attemptHash ?? null,
      accountId: owner.accountId ?? null,
      sessionId: owner.sessionId ?? null,
      expiresAt: new Date(now.getTime() + WEBAUTHN_CHALLENGE_TTL_MS),
      usedAt: null,
      createdAt: now,
    });
  }
}
