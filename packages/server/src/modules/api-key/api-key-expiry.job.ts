import { Between, IsNull, type DataSource } from 'typeorm';
import { z } from 'zod';
import { anonymous } from '../../caller/caller';
import type { DomainEvents } from '../../events/domain-events';
import { defineJob, type JobDefinition } from '../../jobs/define-job';
import { lockOrganization } from '../organization/access';
import { organizationAdmins } from '../organization/admins';
import { OrganizationEntity } from '../organization/organization.entity';
import { ApiKeyEntity } from './api-key.entity';
import { snapshotApiKey } from './api-key.events';

/** Keys expiring within this are announced to their organization's OWNER and ADMINs. */
export const EXPIRY_NOTICE_MS = 7 * 24 * 60 * 60 * 1000;
/** Keys looked at per run; the rest wait for the next period. */
const KEYS_PER_RUN = 500;

/**
 * Tells each live key's OWNERs and ADMINs, once, that it expires within 7 days: per key, one
 * transaction marks it told (a conditional update, so two runs never both tell) and says
 * `api_key.expiring`, whose subscriber queues the mails in that transaction.
 */
export class ApiKeyExpiryReminders {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
  ) {}

  /** Returns how many keys were announced. */
  async run(now = new Date()): Promise<number> {
    const { dataSource, events } = this;
    const due = await dataSource.getRepository(ApiKeyEntity).find({
      where: {
        revokedAt: IsNull(),
        expiryNotifiedAt: IsNull(),
        expiresAt: Between(now, new Date(now.getTime() + EXPIRY_NOTICE_MS)),
      },
      order: { expiresAt: 'ASC' },
      take: KEYS_PER_RUN,
    });
    let told = 0;
    for (const key of due) {
      if (!key.expiresAt || key.expiresAt <= now) continue;
      told += await dataSource.transaction(async (manager) => {
        // The organization's lock first, as every change in it takes it first.
        await lockOrganization(manager, key.organizationId);
        const marked = await manager.update(
          ApiKeyEntity,
          { id: key.id, expiryNotifiedAt: IsNull(), revokedAt: IsNull() },
          { expiryNotifiedAt: now },
        );
        if (marked.affected !== 1) return 0;
        const organization = await manager.findOneByOrFail(OrganizationEntity, {
          id: key.organizationId,
        });
        const admins = await organizationAdmins(manager, key.organizationId);
        await events.emit(manager, {
          // The scheduler acts for nobody in particular.
          caller: anonymous({ ip: null, userAgent: null }),
          type: 'api_key.expiring',
          organizationId: key.organizationId,
          data: { apiKey: snapshotApiKey(key), organizationName: organization.name, admins },
        });
        return 1;
      });
    }
    return told;
  }
}

/** The periodic run of the reminder (hourly, once across instances). */
export function apiKeyExpiryJob(reminders: ApiKeyExpiryReminders): JobDefinition<object> {
  return defineJob({
    kind: 'api-keys.expiry-reminders',
    payload: z.object({}),
    async handler(_payload, { log }) {
      const told = await reminders.run();
      if (told > 0) log.info({ keys: told }, 'reminded admins of expiring API keys');
    },
    maxAttempts: 3,
    backoff: () => 60_000,
  });
}
