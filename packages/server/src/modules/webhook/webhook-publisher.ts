import type { DataSource } from 'typeorm';
import { requireApiKey, type Caller } from '../../caller/caller';
import { isUniqueViolation } from '../../db/errors';
import { badUserInput, fail } from '../../graphql/errors';
import { accessFor } from '../organization/access';
import type { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookEventEntity } from './webhook-event.entity';
import { isPublishableEventType, isWebhookEventType } from './webhook-event-types';

/** What a MySQL TEXT holds: `data` is stored as the JSON text it is sent as. */
export const MAX_EVENT_DATA_BYTES = 65_535;
export const MAX_IDEMPOTENCY_KEY_CHARS = 191;
/** How long an idempotency key answers with the event it first published. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface PublishRequest {
  type: string;
  data: Record<string, unknown>;
  idempotencyKey?: string | null;
}

/**
 * publishEvent: internal tools (API keys with EVENTS_PUBLISH) publish the product's events to
 * their organization's endpoints. The same idempotency key within 24 hours answers the event
 * it published first, so a tool can retry a call whose answer it never got.
 */
export class WebhookPublisher {
  constructor(
    private readonly dataSource: DataSource,
    private readonly dispatcher: WebhookDispatcher,
  ) {}

  async publish(anyCaller: Caller, request: PublishRequest): Promise<WebhookEventEntity> {
    const caller = requireApiKey(anyCaller);
    const organizationId = caller.apiKey.organizationId;
    await accessFor(this.dataSource, { caller, organizationId, operation: 'event.publish' });
    const { type } = request;
    if (!isPublishableEventType(type)) {
      throw badUserInput({
        type: {
          reason: isWebhookEventType(type)
            ? 'WEBHOOK_EVENT_TYPE_NOT_PUBLISHABLE'
            : 'WEBHOOK_EVENT_TYPE_UNKNOWN',
          params: { type },
        },
      });
    }
    const data = JSON.stringify(request.data);
    if (Buffer.byteLength(data) > MAX_EVENT_DATA_BYTES) {
      throw badUserInput({
        data: { reason: 'WEBHOOK_EVENT_DATA_TOO_LARGE', params: { max: MAX_EVENT_DATA_BYTES } },
      });
    }
    const key = request.idempotencyKey ?? null;
    if (key !== null && (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_CHARS)) {
      throw badUserInput({
        idempotencyKey: {
          reason: 'WEBHOOK_IDEMPOTENCY_KEY_INVALID',
          params: { max: MAX_IDEMPOTENCY_KEY_CHARS },
        },
      });
    }
    const input = { organizationId, type, data, source: 'API' as const, idempotencyKey: key };
    if (key === null) {
      return this.dataSource.transaction(
        async (manager) => (await this.dispatcher.dispatch(manager, input)).event,
      );
    }
    try {
      return await this.dataSource.transaction(async (manager) => {
        // A plain read and a write by primary key: a range UPDATE here would take gap locks
        // on the key's index that two concurrent inserts then deadlock on (MySQL).
        const first = await manager.findOneBy(WebhookEventEntity, {
          organizationId,
          idempotencyKey: key,
        });
        if (first && first.createdAt.getTime() > Date.now() - IDEMPOTENCY_WINDOW_MS) {
          return sameEvent(first, type, data);
        }
        // A key older than the window is free again.
        if (first)
          await manager.update(WebhookEventEntity, { id: first.id }, { idempotencyKey: null });
        return (await this.dispatcher.dispatch(manager, input)).event;
      });
    } catch (error) {
      // Two calls with one key at once: the other committed first, and answers for both.
      if (!isUniqueViolation(error, 'uq_webhook_events_idempotency_key')) throw error;
      const first = await this.dataSource
        .getRepository(WebhookEventEntity)
        .findOneByOrFail({ organizationId, idempotencyKey: key });
      return sameEvent(first, type, data);
    }
  }
}

function sameEvent(first: WebhookEventEntity, type: string, data: string): WebhookEventEntity {
  if (first.type !== type || first.data !== data) throw fail('WEBHOOK_IDEMPOTENCY_KEY_REUSED');
  return first;
}
