import DataLoader from 'dataloader';
import { In, IsNull, LessThan, MoreThan, Not, type DataSource, type EntityManager } from 'typeorm';
import { newId } from '../../db/columns';
import { PrecompiledSelect } from '../../db/precompiled-select';
import type { AtriumEvents, SessionEventType } from '../../events/event-bus';
import type { PubSub } from '@graphql-yoga/subscription';
import { AppError } from '../../graphql/errors';
import { approximateLocation } from '../../lib/geoip';
import { generateToken, hashToken } from '../../lib/tokens';
import { AccountEntity } from '../account/account.entity';
import { parseUserAgent } from './device';
import { snapshotSession } from './session-event.type';
import type { SecurityEventService } from '../security-events/security-event.service';
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

export type RevocationReason = 'LOGOUT' | 'REVOKED' | 'REVOKED_OTHERS' | 'PASSWORD_RESET';

const DAY_MS = 24 * 60 * 60 * 1000;
/** lastActiveAt is written at most this often per session, not on every request. */
const ACTIVITY_WRITE_INTERVAL_MS = 60 * 1000;
/** Revoked sessions stay listed in the database this long (for the security timeline), then go. */
const REVOKED_RETENTION_MS = 30 * DAY_MS;

export class SessionService {
  private readonly sessionColumns: PrecompiledSelect<SessionEntity>;
  private readonly accountColumns: PrecompiledSelect<AccountEntity>;
  /**
   * Session lookups by token hash, coalesced: the lookups of requests that arrive together go
   * to the database as one `IN (…)` query. Nothing is cached, so a revocation counts at once.
   */
  private readonly byTokenHash: DataLoader<string, Record<string, unknown> | null>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: SessionPolicy,
    private readonly pubSub: PubSub<AtriumEvents>,
    private readonly events: SecurityEventService,
  ) {
    this.sessionColumns = new PrecompiledSelect(dataSource, SessionEntity, 's');
    this.accountColumns = new PrecompiledSelect(dataSource, AccountEntity, 'a');
    const q = (name: string) => dataSource.driver.escape(name);
    const select =
      `SELECT ${this.sessionColumns.columns}, ${this.accountColumns.columns} ` +
      `FROM ${this.sessionColumns.table} INNER JOIN ${this.accountColumns.table} ON ${q('a')}.${q('id')} = ${q('s')}.${q('account_id')} ` +
      `WHERE ${q('s')}.${q('token_hash')} IN `;
    const tokenHashKey = this.sessionColumns.keyOf('token_hash');
    this.byTokenHash = new DataLoader(
      async (hashes) => {
        const rows = (await dataSource.query(`${select}(${hashes.map(() => '?').join(', ')})`, [
          ...hashes,
        ])) as Array<Record<string, unknown>>;
        const found = new Map(rows.map((row) => [row[tokenHashKey] as string, row]));
        return hashes.map((hash) => found.get(hash) ?? null);
      },
      {
        cache: false,
        maxBatchSize: 100,
        // After the I/O phase: requests read from different sockets in one poll share a query.
        batchScheduleFn: (flush) => setImmediate(flush),
      },
    );
  }

  /**
   * Starts a session; the returned token is shown to the client once and never stored. Inside
   * a caller's transaction, the caller announces it after commit (`announce`).
   */
  async create(
    accountId: string,
    client: ClientInfo,
    manager: EntityManager = this.dataSource.manager,
    mfaLevel: 'PASSWORD' | 'MFA' = 'PASSWORD',
  ): Promise<{ session: SessionEntity; token: string }> {
    const token = generateToken();
    const now = new Date();
    const absoluteExpiresAt = new Date(now.getTime() + this.policy.maxDays * DAY_MS);
    const userAgent = client.userAgent?.slice(0, 512) ?? null;
    const session = manager.create(SessionEntity, {
      id: newId(),
      accountId,
      tokenHash: hashToken(token),
      createdAt: now,
      lastActiveAt: now,
      expiresAt: this.slidingExpiry(now, absoluteExpiresAt),
      absoluteExpiresAt,
      userAgent,
      ...parseUserAgent(userAgent),
      ipAddress: client.ip,
      location: approximateLocation(client.ip),
      mfaLevel,
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
    const row = await this.byTokenHash.load(hashToken(token));
    if (!row) return null;
    const session = this.sessionColumns.hydrate(row);
    const account = this.accountColumns.hydrate(row);
    const now = new Date();
    if (session.revokedAt || account.status === 'DEACTIVATED') return null;
    if (session.expiresAt <= now || session.absoluteExpiresAt <= now) {
      await this.dataSource.getRepository(SessionEntity).delete({ id: session.id });
      return null;
    }
    if (now.getTime() - session.lastActiveAt.getTime() >= ACTIVITY_WRITE_INTERVAL_MS) {
      await this.recordActivity(session, now);
    }
    return { account, session };
  }

  /** Confirms the person at this session now; optionally with a new token (the old one dies). */
  async markReauthenticated(
    session: SessionEntity,
    rotateToken: boolean,
  ): Promise<{ session: SessionEntity; token: string | null }> {
    const token = rotateToken ? generateToken() : null;
    const now = new Date();
    await this.dataSource
      .getRepository(SessionEntity)
      .update(
        { id: session.id },
        { reauthenticatedAt: now, ...(token ? { tokenHash: hashToken(token) } : {}) },
      );
    return {
      session: Object.assign(new SessionEntity(), { ...session, reauthenticatedAt: now }),
      token,
    };
  }

  /** My signed-in devices, most recently active first. */
  async listLive(accountId: string): Promise<SessionEntity[]> {
    return this.dataSource.getRepository(SessionEntity).find({
      where: { accountId, revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      order: { lastActiveAt: 'DESC', id: 'DESC' },
    });
  }

  /** Revokes one of the account's own sessions; anyone else's id is NOT_FOUND and untouched. */
  async revokeOwn(
    accountId: string,
    sessionId: string,
    client: ClientInfo,
  ): Promise<SessionEntity> {
    const repository = this.dataSource.getRepository(SessionEntity);
    const session = await repository.findOneBy({ id: sessionId, accountId });
    if (!session) throw new AppError('NOT_FOUND', 'No such session');
    if (await this.revoke(session.id, 'REVOKED')) {
      await this.events.record(accountId, 'SESSION_REVOKED', client);
      return repository.findOneByOrFail({ id: session.id });
    }
    return session;
  }

  /** Revokes every live session of the account but the current one; returns how many. */
  async revokeOthers(
    accountId: string,
    currentSessionId: string,
    client?: ClientInfo,
  ): Promise<number> {
    const revoked = await this.dataSource.transaction((manager) =>
      this.revokeAllWithin(manager, accountId, 'REVOKED_OTHERS', currentSessionId),
    );
    this.announceRevoked(revoked);
    if (client && revoked.length > 0)
      await this.events.record(accountId, 'SESSION_REVOKED', client);
    return revoked.length;
  }

  /**
   * Revokes the account's live sessions (but `exceptSessionId`) inside the caller's
   * transaction; the caller announces the returned sessions once it has committed.
   */
  async revokeAllWithin(
    manager: EntityManager,
    accountId: string,
    reason: RevocationReason,
    exceptSessionId?: string,
  ): Promise<SessionEntity[]> {
    const repository = manager.getRepository(SessionEntity);
    const live = await repository.find({
      where: {
        accountId,
        revokedAt: IsNull(),
        ...(exceptSessionId ? { id: Not(exceptSessionId) } : {}),
      },
      select: { id: true },
    });
    if (live.length === 0) return [];
    const ids = live.map((session) => session.id);
    const revokedAt = new Date();
    await repository.update(
      { id: In(ids), revokedAt: IsNull() },
      { revokedAt, revokedReason: reason },
    );
    // Only the rows this call revoked (a racing revocation stamped its own time).
    return repository.findBy({ id: In(ids), revokedAt });
  }

  announceRevoked(sessions: SessionEntity[]): void {
    for (const session of sessions) this.announce('REVOKED', session);
  }

  /** Marks a session revoked and tells every instance; true when this call revoked it. */
  async revoke(sessionId: string, reason: RevocationReason): Promise<boolean> {
    const repository = this.dataSource.getRepository(SessionEntity);
    const result = await repository.update(
      { id: sessionId, revokedAt: IsNull() },
      { revokedAt: new Date(), revokedReason: reason },
    );
    if ((result.affected ?? 0) !== 1) return false;
    this.announce('REVOKED', await repository.findOneByOrFail({ id: sessionId }));
    return true;
  }

  /**
   * Publishes a session event to the account's subscribers on every instance. For a
   * revocation, the per-session notice goes second, so a subscriber gets the event before its
   * socket is closed.
   */
  announce(type: SessionEventType, session: SessionEntity): void {
    this.pubSub.publish('SESSION_EVENT', session.accountId, {
      type,
      accountId: session.accountId,
      session: snapshotSession(session),
    });
    if (type === 'REVOKED') {
      this.pubSub.publish('SESSION_REVOKED', {
        sessionId: session.id,
        accountId: session.accountId,
      });
    }
  }

  /** Deletes expired sessions and long-revoked ones; returns how many. */
  async deleteStale(now = new Date()): Promise<number> {
    const repository = this.dataSource.getRepository(SessionEntity);
    const expired = await repository.delete({ expiresAt: LessThan(now) });
    const revoked = await repository.delete({
      revokedAt: LessThan(new Date(now.getTime() - REVOKED_RETENTION_MS)),
    });
    return (expired.affected ?? 0) + (revoked.affected ?? 0);
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
