import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { In, IsNull, LessThan, MoreThan, type DataSource, type EntityManager } from 'typeorm';
import { newId } from '../../db/columns';
import { generateToken, hashToken } from '../../lib/tokens';
import { OneTimeTokenEntity, type TokenPurpose } from './one-time-token.entity';

export interface Redeemed {
  accountId: string;
  payload: string | null;
}

export type CodeCheck = 'ACCEPTED' | 'WRONG' | 'LOCKED' | 'NONE';

/** Wrong guesses allowed for one SMS code. */
export const MAX_CODE_ATTEMPTS = 5;

/**
 * Single-use secrets: long tokens for links, 6-digit codes for SMS. Issuing one replaces the
 * account's earlier unused one of the same purpose; redeeming is a conditional update that must
 * change exactly one row, inside the caller's transaction, so a racing redemption finds nothing.
 */
export class OneTimeTokenService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly secretKey: string,
  ) {}

  /** In the caller's transaction when given `manager`, so the link and its mail commit together. */
  async issueLink(
    accountId: string,
    purpose: TokenPurpose,
    ttlMs: number,
    payload: string | null = null,
    manager?: EntityManager,
  ): Promise<string> {
    const token = generateToken();
    await this.replace(accountId, purpose, hashToken(token), ttlMs, payload, manager);
    return token;
  }

  async issueCode(
    accountId: string,
    purpose: TokenPurpose,
    ttlMs: number,
    payload: string,
  ): Promise<string> {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await this.replace(accountId, purpose, this.codeHash(accountId, code), ttlMs, payload);
    return code;
  }

  /** The live token behind a link, without using it up (to check a new password against it). */
  async peekLink(token: string, purpose: TokenPurpose): Promise<Redeemed | null> {
    const row = await this.dataSource.getRepository(OneTimeTokenEntity).findOneBy({
      tokenHash: hashToken(token),
      purpose,
      usedAt: IsNull(),
      expiresAt: MoreThan(new Date()),
    });
    return row ? { accountId: row.accountId, payload: row.payload } : null;
  }

  /** Uses up a link token within `manager`'s transaction; null when unknown, used or expired. */
  async redeemLink(
    manager: EntityManager,
    token: string,
    purposes: TokenPurpose[],
  ): Promise<(Redeemed & { purpose: TokenPurpose }) | null> {
    const row = await manager
      .getRepository(OneTimeTokenEntity)
      .findOneBy({ tokenHash: hashToken(token) });
    if (!row || !purposes.includes(row.purpose)) return null;
    return (await this.markUsed(manager, row.id))
      ? { accountId: row.accountId, payload: row.payload, purpose: row.purpose }
      : null;
  }

  /**
   * Checks an SMS code against the account's pending one. Every guess counts (conditionally, so
   * parallel guesses cannot exceed the allowance); the right one is used up in `manager`'s
   * transaction.
   */
  async redeemCode(
    manager: EntityManager,
    accountId: string,
    purpose: TokenPurpose,
    code: string,
  ): Promise<{ result: CodeCheck; payload: string | null }> {
    const repository = manager.getRepository(OneTimeTokenEntity);
    const pending = await repository.findOne({
      where: { accountId, purpose, usedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      order: { createdAt: 'DESC' },
    });
    if (!pending) return { result: 'NONE', payload: null };
    const counted = await repository
      .createQueryBuilder()
      .update()
      .set({ attempts: () => 'attempts + 1' })
      .where('id = :id AND attempts < :max', { id: pending.id, max: MAX_CODE_ATTEMPTS })
      .execute();
    if ((counted.affected ?? 0) !== 1) return { result: 'LOCKED', payload: null };
    const expected = Buffer.from(pending.tokenHash, 'hex');
    const given = Buffer.from(this.codeHash(accountId, code), 'hex');
    if (!timingSafeEqual(expected, given)) return { result: 'WRONG', payload: null };
    return (await this.markUsed(manager, pending.id))
      ? { result: 'ACCEPTED', payload: pending.payload }
      : { result: 'NONE', payload: null };
  }

  /** The payload of the account's live token of `purpose` (the pending new address), or null. */
  async pendingPayload(accountId: string, purpose: TokenPurpose): Promise<string | null> {
    const row = await this.dataSource.getRepository(OneTimeTokenEntity).findOne({
      where: { accountId, purpose, usedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      order: { createdAt: 'DESC' },
      select: { id: true, payload: true },
    });
    return row?.payload ?? null;
  }

  /** Makes the account's live tokens of `purpose` unusable; true when there was one. */
  async withdraw(
    manager: EntityManager,
    accountId: string,
    purpose: TokenPurpose,
  ): Promise<boolean> {
    const result = await manager
      .getRepository(OneTimeTokenEntity)
      .createQueryBuilder()
      .update()
      .set({ usedAt: new Date() })
      .where(
        'account_id = :accountId AND purpose = :purpose AND used_at IS NULL AND expires_at > :now',
        {
          accountId,
          purpose,
          now: new Date(),
        },
      )
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Deletes tokens that can no longer be used. */
  async deleteStale(now = new Date()): Promise<void> {
    await this.dataSource.getRepository(OneTimeTokenEntity).delete({ expiresAt: LessThan(now) });
  }

  private async markUsed(manager: EntityManager, id: string): Promise<boolean> {
    const result = await manager
      .getRepository(OneTimeTokenEntity)
      .createQueryBuilder()
      .update()
      .set({ usedAt: new Date() })
      .where('id = :id AND used_at IS NULL AND expires_at > :now', { id, now: new Date() })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  private async replace(
    accountId: string,
    purpose: TokenPurpose,
    tokenHash: string,
    ttlMs: number,
    payload: string | null,
    manager?: EntityManager,
  ): Promise<void> {
    if (!manager) {
      await this.dataSource.transaction((own) =>
        this.replace(accountId, purpose, tokenHash, ttlMs, payload, own),
      );
      return;
    }
    const repository = manager.getRepository(OneTimeTokenEntity);
    // Earlier tokens are found with a plain read and deleted by primary key: a DELETE by
    // (account, purpose) would take InnoDB gap locks that deadlock concurrent inserts.
    const earlier = await repository.find({
      where: { accountId, purpose, usedAt: IsNull() },
      select: { id: true },
    });
    if (earlier.length > 0) await repository.delete({ id: In(earlier.map((token) => token.id)) });
    const now = new Date();
    await manager.insert(OneTimeTokenEntity, {
      id: newId(),
      accountId,
      purpose,
      tokenHash,
      payload,
      attempts: 0,
      expiresAt: new Date(now.getTime() + ttlMs),
      usedAt: null,
      createdAt: now,
    });
  }

  /** Keyed by SECRET_KEY: a 6-digit code's plain hash would fall to a million guesses offline. */
  private codeHash(accountId: string, code: string): string {
    return createHmac('sha256', this.secretKey).update(`${accountId}:${code}`).digest('hex');
  }
}
