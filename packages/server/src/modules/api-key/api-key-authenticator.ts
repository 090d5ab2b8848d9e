import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { ApiKeyPrincipal, ClientInfo } from '../../caller/caller';
import { betweenTransactions } from '../../db/data-source';
import { PrecompiledSelect } from '../../db/precompiled-select';
import { createRowReader } from '../../db/row-reader';
import { hashToken } from '../../lib/tokens';
import type { UsageMeter } from '../usage/usage-meter';
import { isWellFormedApiKey } from './api-key-secret';
import { ApiKeyEntity } from './api-key.entity';
import { isApiKeyScope } from './scopes';

/** lastUsedAt (and the address) is written at most this often per key, not on every request. */
const LAST_USED_WRITE_INTERVAL_MS = 60 * 1000;

/**
 * Turns a presented key secret into the key's principal. A malformed secret or a wrong checksum
 * is refused without touching the database. Otherwise the key is read on every request (nothing
 * cached), so a revoked, expired or past-grace key is refused on the next request on every
 * instance; lookups of requests that arrive together share one `IN (…)` query, as sessions' do.
 * Each request counts into the organization's API_REQUESTS usage, in memory.
 */
export class ApiKeyAuthenticator {
  private readonly columns: PrecompiledSelect<ApiKeyEntity>;
  private readonly bySecretHash: DataLoader<string, ApiKeyEntity | null>;
  /** Keys whose last-used write is in flight on this instance: one at a time per key. */
  private readonly touching = new Set<string>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly meter: UsageMeter,
  ) {
    this.columns = new PrecompiledSelect(dataSource, ApiKeyEntity, 'k');
    const q = (name: string) => dataSource.driver.escape(name);
    const current = `${q('k')}.${q('secret_hash')}`;
    const previous = `${q('k')}.${q('previous_secret_hash')}`;
    const select = `SELECT ${this.columns.columns} FROM ${this.columns.table} WHERE `;
    const read = createRowReader(dataSource);
    this.bySecretHash = new DataLoader(
      async (hashes) => {
        const list = hashes.map(() => '?').join(', ');
        const rows = await read(`${select}${current} IN (${list}) OR ${previous} IN (${list})`, [
          ...hashes,
          ...hashes,
        ]);
        const found = new Map<string, ApiKeyEntity>();
        for (const key of rows.map((row) => this.columns.hydrate(row))) {
          found.set(key.secretHash, key);
          if (key.previousSecretHash) found.set(key.previousSecretHash, key);
        }
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

  async authenticate(
    secret: string,
    client: ClientInfo,
    now = new Date(),
  ): Promise<ApiKeyPrincipal | null> {
    if (!isWellFormedApiKey(secret)) return null;
    const secretHash = hashToken(secret);
    const key = await this.bySecretHash.load(secretHash);
    if (!key || !isLive(key, secretHash, now)) return null;
    this.meter.count(key.organizationId, 'API_REQUESTS');
    if (
      (!key.lastUsedAt ||
        now.getTime() - key.lastUsedAt.getTime() >= LAST_USED_WRITE_INTERVAL_MS) &&
      !this.touching.has(key.id)
    ) {
      await this.recordUse(key.id, client.ip, now);
    }
    return {
      id: key.id,
      organizationId: key.organizationId,
      name: key.name,
      scopes: key.scopes.split(',').filter(isApiKeyScope),
    };
  }

  /**
   * Conditional, so instances racing on the same key write it once a minute between them. On
   * SQLite it waits for the line of transactions rather than join another request's.
   */
  private async recordUse(keyId: string, ip: string | null, now: Date): Promise<void> {
    this.touching.add(keyId);
    try {
      const staleBefore = new Date(now.getTime() - LAST_USED_WRITE_INTERVAL_MS + 1);
      await betweenTransactions(this.dataSource, () =>
        this.dataSource
          .createQueryBuilder()
          .update(ApiKeyEntity)
          .set({ lastUsedAt: now, lastUsedIp: ip })
          .where('id = :keyId AND (last_used_at IS NULL OR last_used_at < :staleBefore)', {
            keyId,
            staleBefore,
          })
          .execute(),
      );
    } finally {
      this.touching.delete(keyId);
    }
  }
}

/** Not revoked, not expired, and presented with its current secret or a previous one in grace. */
function isLive(key: ApiKeyEntity, presentedHash: string, now: Date): boolean {
  if (key.revokedAt || (key.expiresAt && key.expiresAt <= now)) return false;
  if (presentedHash === key.secretHash) return true;
  return Boolean(key.previousSecretExpiresAt && key.previousSecretExpiresAt > now);
}
