import { In, type DataSource, type SelectQueryBuilder } from 'typeorm';
import { encodeCursor, type Page, type PageRequest } from '../../graphql/connection';
import { badUserInput } from '../../graphql/errors';
import { AccountEntity } from '../account/account.entity';
import { ApiKeyEntity } from '../api-key/api-key.entity';
import type { Caller } from '../../caller/caller';
import { accessFor, authorize, type OrganizationAccess } from '../organization/access';
import { GENESIS_HASH } from './audit-chain';
import { AuditChainEntity, AuditEventEntity } from './audit-event.entity';
import type { AuditFilter, ChainEnds } from './audit-types';

/** A page of entries, able to name their actors (one query per kind, when first asked). */
export interface AuditPage extends Page<AuditEventEntity> {
  cursorOf(event: AuditEventEntity): string;
  actorNameOf(event: AuditEventEntity): Promise<string | null>;
}

/** Entries read per query while exporting: a few hundred KB at most in memory. */
export const EXPORT_BATCH = 500;

/**
 * Reading an organization's audit log (OWNER and ADMIN, or a key with AUDIT_READ): a page at a
 * time for the screen, or every entry matching a filter, oldest first, batch by batch, for
 * an export.
 */
export class AuditLogService {
  constructor(private readonly dataSource: DataSource) {}

  /** The caller's access to the organization's log (for the export), or NOT_FOUND/FORBIDDEN. */
  access(caller: Caller, organizationId: string): Promise<OrganizationAccess> {
    return accessFor(this.dataSource, { caller, organizationId, operation: 'audit.read' });
  }

  /** Newest first. */
  async page(
    access: OrganizationAccess,
    filter: AuditFilter,
    request: PageRequest,
  ): Promise<AuditPage> {
    authorize(access, 'audit.read');
    checkFilter(filter);
    const before = request.afterKey === null ? null : sequenceOf(request.afterKey);
    const query = this.filtered(access.organization.id, filter)
      .orderBy('e.sequence', 'DESC')
      .limit(request.first + 1);
    if (before !== null) query.andWhere('e.sequence < :before', { before });
    const rows = await query.getMany();
    const nodes = rows.slice(0, request.first);
    return {
      nodes,
      hasNextPage: rows.length > request.first,
      cursorOf: (event) => encodeCursor(String(event.sequence)),
      actorNameOf: this.actorNamesOf(nodes),
    };
  }

  /** The chain's first and last links as they are now (an empty chain starts at genesis). */
  async chainEnds(access: OrganizationAccess): Promise<ChainEnds> {
    authorize(access, 'audit.read');
    const chain = await this.dataSource
      .getRepository(AuditChainEntity)
      .findOneBy({ organizationId: access.organization.id });
    return {
      anchor: {
        sequence: chain?.prunedSequence ?? 0,
        hash: chain?.prunedHash ?? GENESIS_HASH,
      },
      head: { sequence: chain?.headSequence ?? 0, hash: chain?.headHash ?? GENESIS_HASH },
    };
  }

  /**
   * Every entry matching `filter` up to `through` (the head when the export began), oldest
   * first, EXPORT_BATCH at a time: the whole log is never in memory.
   */
  async *entries(
    access: OrganizationAccess,
    filter: AuditFilter,
    through: number,
  ): AsyncGenerator<AuditEventEntity[]> {
    authorize(access, 'audit.read');
    checkFilter(filter);
    let after = 0;
    for (;;) {
      const batch = await this.filtered(access.organization.id, filter)
        .andWhere('e.sequence > :after AND e.sequence <= :through', { after, through })
        .orderBy('e.sequence', 'ASC')
        .limit(EXPORT_BATCH)
        .getMany();
      if (batch.length === 0) return;
      yield batch;
      if (batch.length < EXPORT_BATCH) return;
      after = batch[batch.length - 1].sequence;
    }
  }

  private filtered(
    organizationId: string,
    filter: AuditFilter,
  ): SelectQueryBuilder<AuditEventEntity> {
    const query = this.dataSource
      .getRepository(AuditEventEntity)
      .createQueryBuilder('e')
      .leftJoinAndSelect('e.details', 'd')
      .where('e.organization_id = :organizationId', { organizationId });
    if (filter.actorAccountId) {
      query.andWhere('d.actor_account_id = :actor', { actor: filter.actorAccountId });
    }
    if (filter.apiKeyId) query.andWhere('e.api_key_id = :key', { key: filter.apiKeyId });
    if (filter.types && filter.types.length > 0) {
      query.andWhere('e.type IN (:...types)', { types: [...new Set(filter.types)] });
    }
    if (filter.since) query.andWhere('e.created_at >= :since', { since: filter.since });
    if (filter.until) query.andWhere('e.created_at <= :until', { until: filter.until });
    return query;
  }

  /** Names of the people and keys that acted in `events`, current ones, looked up once. */
  actorNamesOf(events: AuditEventEntity[]): (event: AuditEventEntity) => Promise<string | null> {
    let names: Promise<Map<string, string>> | null = null;
    const load = async () => {
      const accountIds = [
        ...new Set(events.flatMap((event) => event.details?.actorAccountId ?? [])),
      ];
      const keyIds = [...new Set(events.flatMap((event) => event.apiKeyId ?? []))];
      const found = new Map<string, string>();
      if (accountIds.length > 0) {
        const accounts = await this.dataSource.getRepository(AccountEntity).find({
          where: { id: In(accountIds) },
          select: { id: true, fullName: true, email: true },
        });
        for (const account of accounts) found.set(account.id, account.fullName || account.email);
      }
      if (keyIds.length > 0) {
        const keys = await this.dataSource.getRepository(ApiKeyEntity).find({
          where: { id: In(keyIds) },
          select: { id: true, name: true, prefix: true },
        });
        for (const key of keys) found.set(key.id, `${key.name} (${key.prefix}…)`);
      }
      return found;
    };
    return async (event) => {
      const id = event.apiKeyId ?? event.details?.actorAccountId;
      if (!id) return null;
      names ??= load();
      return (await names).get(id) ?? null;
    };
  }
}

/** A cursor's sequence number, or BAD_USER_INPUT. */
function sequenceOf(key: string): number {
  const sequence = Number(key);
  if (!/^\d{1,10}$/.test(key) || !Number.isSafeInteger(sequence)) {
    throw badUserInput({ after: 'CURSOR_INVALID' });
  }
  return sequence;
}

/** Refuses a time range that ends before it starts. */
export function checkFilter(filter: AuditFilter): void {
  if (filter.since && filter.until && filter.until < filter.since) {
    throw badUserInput({ until: 'AUDIT_RANGE_INVALID' });
  }
}
