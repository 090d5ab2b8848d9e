import type { AtriumServer } from '../../src/app';
import { newId } from '../../src/db/columns';
import { WebhookDeliveryEntity } from '../../src/modules/webhook/webhook-delivery.entity';
import { WebhookEventEntity } from '../../src/modules/webhook/webhook-event.entity';

/** A delivery that failed for good, written straight to the database (no job waits for it). */
export async function seedFailedDelivery(
  atrium: AtriumServer,
  organizationId: string,
  endpointId: string,
): Promise<string> {
  const now = new Date();
  const eventId = newId();
  await atrium.dataSource.getRepository(WebhookEventEntity).insert({
    id: eventId,
    organizationId,
    type: 'contact.updated',
    data: '{"contactId":"ct_1","changedFields":["phone"]}',
    source: 'API',
    idempotencyKey: null,
    createdAt: now,
  });
  const id = newId();
  await atrium.dataSource.getRepository(WebhookDeliveryEntity).insert({
    id,
    endpointId,
    eventId,
    eventType: 'contact.updated',
    sequence: 1,
    status: 'FAILED',
    attemptCount: 3,
    scheduledAttempts: 3,
    lastResponseStatus: 500,
    nextAttemptAt: null,
    lastAttemptAt: now,
    createdAt: now,
  });
  return id;
}
