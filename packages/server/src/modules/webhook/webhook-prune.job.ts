import { In, LessThan, Not, type DataSource } from 'typeorm';
import { z } from 'zod';
import { defineJob, type JobDefinition } from '../../jobs/define-job';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';
import { WebhookEventEntity } from './webhook-event.entity';

/** Deliveries (with their attempts) and events are kept this long. */
export const LOG_RETENTION_DAYS = 30;
const BATCH = 500;

/**
 * Deletes what is older than the retention: finished deliveries (their attempts go with them),
 * then events none of whose deliveries is left. In small batches, each its own statement.
 * Returns how many deliveries and events went.
 */
export async function pruneWebhookLog(
  dataSource: DataSource,
  now = new Date(),
): Promise<{ deliveries: number; events: number }> {
  const before = new Date(now.getTime() - LOG_RETENTION_DAYS * 24 * 60 * 60 * 1000);
  const deliveries = dataSource.getRepository(WebhookDeliveryEntity);
  const events = dataSource.getRepository(WebhookEventEntity);
  const pruned = { deliveries: 0, events: 0 };
  for (;;) {
    const old = await deliveries.find({
      where: { createdAt: LessThan(before), status: Not('PENDING') },
      select: { id: true },
      take: BATCH,
    });
    if (old.length === 0) break;
    await deliveries.delete({ id: In(old.map((row) => row.id)) });
    pruned.deliveries += old.length;
  }
  for (;;) {
    const old = await events
      .createQueryBuilder('e')
      .select('e.id', 'id')
      .where('e.created_at < :before', { before })
      .andWhere('NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = e.id)')
      .limit(BATCH)
      .getRawMany<{ id: string }>();
    if (old.length === 0) break;
    await events.delete({ id: In(old.map((row) => row.id)) });
    pruned.events += old.length;
  }
  return pruned;
}

/** The daily pruning, once across instances. */
export function pruneWebhookLogJob(dataSource: DataSource): JobDefinition<object> {
  return defineJob({
    kind: 'webhooks.prune-log',
    payload: z.object({}),
    async handler(_payload, { log }) {
      const pruned = await pruneWebhookLog(dataSource);
      if (pruned.deliveries + pruned.events > 0) log.info(pruned, 'pruned the webhook log');
    },
    maxAttempts: 3,
    backoff: () => 60_000,
  });
}
