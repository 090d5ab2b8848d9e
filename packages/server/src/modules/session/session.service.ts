import DataLoader from 'dataloader';
import { In, IsNull, LessThan, MoreThan, Not, type DataSource, type EntityManager } from 'typeorm';
import { newId } from '../../db/columns';
import { PrecompiledSelect } from '../../db/precompiled-select';
import { createRowReader } from '../../db/row-reader';
import type { DomainEventCatalog, DomainEvents } from '../../events/domain-events';
import type { Caller, PersonCaller } from '../../caller/caller';
import { fail } from '../../graphql/errors';
import { approximateLocation } from '../../lib/geoip';
import { generateToken, hashToken } from '../../lib/tokens';
import { AccountEntity } from '../account/account.entity';
import { parseUserAgent } from './device';
import {
  SESSION_PRINCIPAL_PROPERTIES,
  SessionEntity,
  type SessionPrincipal,
} from './session.entity';

export type { ClientInfo } from '../../caller/caller';

export interface SessionPolicy {
  idleDays: number;
  maxDays: number;
}

export interface Authenticated {
  account: AccountEntity;
  session: SessionPrincipal;
}

export type RevocationReason =
  'LOGOUT' | 'REVOKED' | 'REVOKED_OTHERS' | 'PASSWORD_RESET' | 'ACCOUNT_CLOSED';

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
    private readonly events: DomainEvents,
  ) {
    this.sessionColumns = new PrecompiledSelect(
      dataSource,
      SessionEntity,
      's',
      SESSION_PRINCIPAL_PROPERTIES,
    );
    this.accountColumns = new PrecompiledSelect(dataSource, AccountEntity, 'a');
    const q = (name: string) => dataSource.driver.escape(name);
    const select =
      `SELECT ${this.sessionColumns.columns}, ${this.accountColumns.columns} ` +
      `FROM ${this.sessionColumns.table} INNER JOIN ${this.accountColumns.table} ON ${q('a')}.${q('id')} = ${q('s')}.${q('account_id')} ` +
      `WHERE ${q('s')}.${q('token_hash')} IN `;
    const tokenHashKey = this.sessionColumns.keyOf('token_hash');
    const read = createRowReader(dataSource);
    this.byTokenHash = new DataLoader(
      async (hashes) => {
        const rows = await read(`${select}(${hashes.map(() => '?').join(', ')})`, hashes);
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

  /** Starts a session in the caller's transaction; the token is shown to the client once and never stored. */
  async create(
    manager: EntityManager,
    accountId: string,
    caller: Caller,
    mfaLevel: 'PASSWORD' | 'MFA' = 'PASSWORD',
  ): Promise<{ session: SessionEntity; token: string }> {
    const token = generateToken();
    const now = new Date();
    const absoluteExpiresAt = new Date(now.getTime() + this.policy.maxDays * DAY_MS);
    const client = caller.client;
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
    await this.events.emit(manager, {
      type: 'session.created',
      caller,
      accountId,
      data: { session },
    });
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

  /**
   * Confirms the person at this session now; optionally with a new token (the old one dies).
   * Answers the whole session (the request carried only its principal columns).
   */
  async markReauthenticated(
    session: SessionPrincipal,
    rotateToken: boolean,
  ): Promise<{ session: SessionEntity; token: string | null }> {
    const token = rotateToken ? generateToken() : null;
    const now = new Date();
    const repository = this.dataSource.getRepository(SessionEntity);
    await repository.update(
      { id: session.id },
      { reauthenticatedAt: now, ...(token ? { tokenHash: hashToken(token) } : {}) },
    );
    return { session: await repository.findOneByOrFail({ id: session.id }), token };
  }

  /** My signed-in devices, most recently active first. */
  async listLive(accountId: string): Promise<SessionEntity[]> {
    return this.dataSource.getRepository(SessionEntity).find({
      where: { accountId, revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      order: { lastActiveAt: 'DESC', id: 'DESC' },
    });
  }

  /** Revokes one of the person's own sessions; anyone else's id is NOT_FOUND and untouched. */
  async revokeOwn(person: PersonCaller, sessionId: string): Promise<SessionEntity> {
    const accountId = person.account.id;
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(SessionEntity);
      const session = await repository.findOneBy({ id: sessionId, accountId });
      if (!session) throw fail('SESSION_NOT_FOUND');
      await this.revokeWithin(manager, person, session.id, 'REVOKED');
      return repository.findOneByOrFail({ id: session.id });
    });
  }

  /** Revokes every live session of the person but the current one; returns how many. */
  async revokeOthers(person: PersonCaller): Promise<number> {
    const revoked = await this.dataSource.transaction((manager) =>
      this.revokeAllWithin(manager, person, person.account.id, 'REVOKED_OTHERS', {
        exceptSessionId: person.session.id,
        consequenceOf: null,
      }),
    );
    return revoked.length;
  }

  /**
   * Revokes the account's live sessions (but `exceptSessionId`) inside the caller's
   * transaction, and says so; the revoked sessions hear it once the transaction commits.
   */
  async revokeAllWithin(
    manager: EntityManager,
    caller: Caller,
    accountId: string,
    reason: RevocationReason,
    options: {
      exceptSessionId?: string;
      consequenceOf: DomainEventCatalog['session.revoked']['consequenceOf'];
    },
  ): Promise<SessionEntity[]> {
    const repository = manager.getRepository(SessionEntity);
    const live = await repository.find({
      where: {
        accountId,
        revokedAt: IsNull(),
        ...(options.exceptSessionId ? { id: Not(options.exceptSessionId) } : {}),
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
    const sessions = await repository.findBy({ id: In(ids), revokedAt });
    if (sessions.length > 0) {
      await this.events.emit(manager, {
        type: 'session.revoked',
        caller,
        accountId,
        data: { sessions, reason, consequenceOf: options.consequenceOf },
      });
    }
    return sessions;
  }

  /** Ends the session the caller signed in with (log out); true when this call ended it. */
  async logOut(person: PersonCaller): Promise<boolean> {
    return this.dataSource.transaction((manager) =>
      this.revokeWithin(manager, person, person.session.id, 'LOGOUT'),
    );
  }

  /** Marks one session revoked, if it still is live; true when this call revoked it. */
  private async revokeWithin(
    manager: EntityManager,
    caller: Caller,
    sessionId: string,
    reason: RevocationReason,
  ): Promise<boolean> {
    const repository = manager.getRepository(SessionEntity);
    const result = await repository.update(
      { id: sessionId, revokedAt: IsNull() },
      { revokedAt: new Date(), revokedReason: reason },
    );
    if ((result.affected ?? 0) !== 1) return false;
    const session = await repository.findOneByOrFail({ id: sessionId });
    await this.events.emit(manager, {
      type: 'session.revoked',
      caller,
      accountId: session.accountId,
      data: { sessions: [session], reason, consequenceOf: null },
    });
    return true;
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
