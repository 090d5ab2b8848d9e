import type { DataSource, EntityManager } from 'typeorm';
import { newId } from '../../db/columns';
import { PrecompiledSelect } from '../../db/precompiled-select';
import { generateToken, hashToken } from '../../lib/tokens';
import { AccountEntity } from '../account/account.entity';
import { SessionEntity } from './session.entity';

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export interface SessionPolicy {
  idleDays: number;
  maxDays: number;
}

export interface Authenticated {
  account: AccountEntity;
  session: SessionEntity;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** lastActiveAt is written at most this often per session, not on every request. */
const ACTIVITY_WRITE_INTERVAL_MS = 60 * 1000;

export class SessionService {
  private readonly sessionColumns: PrecompiledSelect<SessionEntity>;
  private readonly accountColumns: PrecompiledSelect<AccountEntity>;
  private readonly lookupSql: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: SessionPolicy,
  ) {
    this.sessionColumns = new PrecompiledSelect(dataSource, SessionEntity, 's');
    this.accountColumns = new PrecompiledSelect(dataSource, AccountEntity, 'a');
    const q = (name: string) => dataSource.driver.escape(name);
    this.lookupSql =
      `SELECT ${this.sessionColumns.columns}, ${this.accountColumns.columns} ` +
      `FROM ${this.sessionColumns.table} INNER JOIN ${this.accountColumns.table} ON ${q('a')}.${q('id')} = ${q('s')}.${q('account_id')} ` +
      `WHERE ${q('s')}.${q('token_hash')} = ?`;
  }

  /** Starts a session; the returned token is shown to the client once and never stored. */
  async create(
    accountId: string,
    client: ClientInfo,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ session: SessionEntity; token: string }> {
    const token = generateToken();
    const now = new Date();
    const absoluteExpiresAt = new Date(now.getTime() + this.policy.maxDays * DAY_MS);
    const session = manager.create(SessionEntity, {
      id: newId(),
      accountId,
      tokenHash: hashToken(token),
      createdAt: now,
      lastActiveAt: now,
      expiresAt: this.slidingExpiry(now, absoluteExpiresAt),
      absoluteExpiresAt,
      userAgent: client.userAgent?.slice(0, 512) ?? null,
      deviceType: null,
      browser: null,
      os: null,
      ipAddress: client.ip,
      location: null,
      mfaLevel: 'PASSWORD',
      reauthenticatedAt: now,
      revokedAt: null,
      revokedReason: null,
    });
    await manager.insert(SessionEntity, session);
    return { session, token };
  }

  /**
   * The live session and account behind a token, or null. One indexed join per request; the
   * activity write happens at most once a minute.
   */
  async authenticate(token: string): Promise<Authenticated | null> {
    const rows = (await this.dataSource.query(this.lookupSql, [hashToken(token)])) as Array<
      Record<string, unknown>
    >;
    if (rows.length === 0) return null;
    const session = this.sessionColumns.hydrate(rows[0]);
    const account = this.accountColumns.hydrate(rows[0]);
    const now = new Date();
    if (session.revokedAt || session.expiresAt <= now || session.absoluteExpiresAt <= now) {
      return null;
    }
    if (account.status === 'DEACTIVATED') return null;
    if (now.getTime() - session.lastActiveAt.getTime() >= ACTIVITY_WRITE_INTERVAL_MS) {
      await this.recordActivity(session, now);
    }
    return { account, session };
  }

  /** Marks a session revoked; true when this call revoked it (it was still live). */
  async revoke(sessionId: string, reason: string): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(SessionEntity)
      .set({ revokedAt: new Date(), revokedReason: reason })
      .where('id = :sessionId AND revoked_at IS NULL', { sessionId })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  private async recordActivity(session: SessionEntity, now: Date): Promise<void> {
    const expiresAt = this.slidingExpiry(now, session.absoluteExpiresAt);
    await this.dataSource
      .getRepository(SessionEntity)
      .update({ id: session.id }, { lastActiveAt: now, expiresAt });
    session.lastActiveAt = now;
    session.expiresAt = expiresAt;
  }

  private slidingExpiry(now: Date, absoluteExpiresAt: Date): Date {
    return new Date(
      Math.min(now.getTime() + this.policy.idleDays * DAY_MS, absoluteExpiresAt.getTime()),
    );
  }
}
