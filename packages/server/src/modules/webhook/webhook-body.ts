import type { WebhookEventEntity } from './webhook-event.entity';

/**
 * The body of every attempt of a delivery: `{type, timestamp, data, sequence}`, with `data` the
 * JSON text the event was recorded with, so each attempt sends (and signs) the same bytes.
 */
export function webhookBody(
  event: Pick<WebhookEventEntity, 'type' | 'createdAt' | 'data'>,
  sequence: number,
): string {
  return `{"type":${JSON.stringify(event.type)},"timestamp":${JSON.stringify(
    event.createdAt.toISOString(),
  )},"data":${event.data},"sequence":${sequence}}`;
}
