import { LessThan, type DataSource } from 'typeorm';
import { z } from 'zod';
import { defineJob, type JobDefinition } from '../../jobs/define-job';
import { lockOrganization } from '../organization/access';
import { AuditChainEntity, AuditEventEntity } from './audit-event.entity';
import { lockedChain } from './audit-recorder';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Entries removed per transaction: each is short, and appends wait for it only briefly. */
export const PRUNE_BATCH = 500;
/** Organizations looked at per run; the rest wait for the next day. */
const ORGANIZATIONS_PER_RUN = 1000;

/**
 * Removes entries older than the retention period, from the start of each chain, in batches.
 * Each batch records the hash of the last entry it removed on the chain's row, in the same
 * transaction, so an export that now starts later still links to something: the chain stays
 * verifiable from there.
 */
export class AuditRetention {
  constructor(
    private readonly dataSource: DataSource,
    private readonly retentionDays: number,
  ) {}

  /** Returns how many entries were removed. */
  async prune(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.retentionDays * DAY_MS);
    const organizations = (await this.dataSource
      .getRepository(AuditEventEntity)
      .createQueryBuilder('e')
      .select('DISTINCT e.organization_id', 'organizationId')
      .where('e.created_at < :cutoff', { cutoff })
      .limit(ORGANIZATIONS_PER_RUN)
      .getRawMany()) as Array<{ organizationId: string }>;
    let removed = 0;
    for (const { organizationId } of organizations) {
      for (;;) {
        const batch = await this.pruneBatch(organizationId, cutoff);
        removed += batch;
        if (batch < PRUNE_BATCH) break;
      }
    }
    return removed;
  }

  private pruneBatch(organizationId: string, cutoff: Date): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await lockOrganization(manager, organizationId);
      const chain = await lockedChain(manager, organizationId);
      if (!chain) return 0;
      const oldest = await manager.find(AuditEventEntity, {
        where: { organizationId, createdAt: LessThan(cutoff) },
        select: { sequence: true, entryHash: true },
        order: { sequence: 'ASC' },
        take: PRUNE_BATCH,
      });
      const last = oldest.at(-1);
      if (!last) return 0;
      // Everything up to it, so the chain keeps no hole (details go with their entries).
      const result = await manager
        .createQueryBuilder()
        .delete()
        .from(AuditEventEntity)
        .where('organization_id = :organizationId AND sequence <= :through', {
          organizationId,
          through: last.sequence,
        })
        .execute();
      await manager.update(
        AuditChainEntity,
        { organizationId },
        { prunedSequence: last.sequence, prunedHash: last.entryHash, updatedAt: new Date() },
      );
      return result.affected ?? oldest.length;
    });
  }
}

/** The daily run of retention, once across instances. */
export function pruneAuditLogJob(retention: AuditRetention): JobDefinition<object> {
  return defineJob({
    kind: 'audit.prune',
    payload: z.object({}),
    async handler(_payload, { log }) {
      const removed = await retention.prune();
      if (removed > 0) log.info({ removed }, 'removed audit entries past their retention');
    },
    maxAttempts: 3,
    backoff: () => 60_000,
  });
}
