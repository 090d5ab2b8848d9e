import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { newId } from '../../db/columns';
import type { JobDefinition } from '../../jobs/define-job';
import type { JobQueue } from '../../jobs/job-queue';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';
import { WebhookEventEntity, type WebhookEventSource } from './webhook-event.entity';

/** One attempt of a delivery: by the schedule (`step`: which of its delays), or by hand (null). */
export const deliverPayload = z.object({
  deliveryId: z.string().min(1).max(36),
  step: z.number().int().nonnegative().nullable(),
});
export type DeliverPayload = z.infer<typeof deliverPayload>;

export interface NewWebhookEvent {
  organizationId: string;
  type: string;
  /** The event's data as JSON text: sent as it is. */
  data: string;
  source: WebhookEventSource;
  idempotencyKey?: string | null;
  occurredAt?: Date;
}

/** ±10 %, so retries of many deliveries that failed together do not come back together. */
export function withJitter(delayMs: number, random = Math.random()): number {
  return Math.round(delayMs * (0.9 + 0.2 * random));
}

/**
 * Turns an event into deliveries, inside the transaction of the change that caused it: the
 * event row, one delivery per enabled endpoint subscribed to its type (each with the endpoint's
 * next sequence number), and the first attempt of each as a job. So a committed event is always
 * delivered, whatever happens to the process after the commit.
 */
export class WebhookDispatcher {
  constructor(
    private readonly jobs: JobQueue,
    private readonly deliverJob: JobDefinition<DeliverPayload>,
    private readonly firstDelayMs: number,
  ) {}

  /**
   * Records `input` and queues its deliveries. With `onlyIfSubscribed`, an event no endpoint
   * wants is not even recorded (Atrium's own events, which happen whether anyone listens or not).
   */
  async dispatch(
    manager: EntityManager,
    input: NewWebhookEvent,
    options: {
      onlyIfSubscribed?: boolean;
      /** To this endpoint alone, whatever it subscribes to (a test event). */
      endpoint?: WebhookEndpointEntity;
      /** One attempt, no retries (a test event). */
      singleAttempt?: boolean;
    } = {},
  ): Promise<{ event: WebhookEventEntity; deliveries: WebhookDeliveryEntity[] }> {
    const endpoints = options.endpoint
      ? [options.endpoint]
      : await this.subscribedEndpoints(manager, input.organizationId, input.type);
    const event = manager.create(WebhookEventEntity, {
      id: newId(),
      organizationId: input.organizationId,
      type: input.type,
      data: input.data,
      source: input.source,
      idempotencyKey: input.idempotencyKey ?? null,
      createdAt: input.occurredAt ?? new Date(),
    });
    if (endpoints.length === 0 && options.onlyIfSubscribed) return { event, deliveries: [] };
    await manager.insert(WebhookEventEntity, event);
    const deliveries: WebhookDeliveryEntity[] = [];
    for (const endpoint of endpoints) {
      deliveries.push(await this.deliver(manager, event, endpoint.id, options.singleAttempt));
    }
    return { event, deliveries };
  }

  private async deliver(
    manager: EntityManager,
    event: WebhookEventEntity,
    endpointId: string,
    singleAttempt = false,
  ): Promise<WebhookDeliveryEntity> {
    const sequence = await nextSequence(manager, endpointId);
    const runAt = new Date(Date.now() + (singleAttempt ? 0 : withJitter(this.firstDelayMs)));
    const delivery = manager.create(WebhookDeliveryEntity, {
      id: newId(),
      endpointId,
      eventId: event.id,
      eventType: event.type,
      sequence,
      status: 'PENDING',
      attemptCount: 0,
      scheduledAttempts: 0,
      lastResponseStatus: null,
      nextAttemptAt: singleAttempt ? null : runAt,
      lastAttemptAt: null,
      createdAt: event.createdAt,
    });
    await manager.insert(WebhookDeliveryEntity, delivery);
    const step = singleAttempt ? null : 0;
    await this.jobs.enqueue(manager, this.deliverJob, { deliveryId: delivery.id, step }, { runAt });
    return delivery;
  }

  private async subscribedEndpoints(
    manager: EntityManager,
    organizationId: string,
    type: string,
  ): Promise<WebhookEndpointEntity[]> {
    const enabled = await manager.find(WebhookEndpointEntity, {
      where: { organizationId, enabled: true },
      select: { id: true, eventTypes: true },
      order: { id: 'ASC' },
    });
    return enabled.filter((endpoint) => endpoint.eventTypes.split(',').includes(type));
  }
}

/**
 * The endpoint's next sequence number. The increment locks the endpoint's row until the
 * transaction ends, so sequence numbers follow the order in which events commit.
 */
async function nextSequence(manager: EntityManager, endpointId: string): Promise<number> {
  await manager.increment(WebhookEndpointEntity, { id: endpointId }, 'lastSequence', 1);
  const row = await manager.findOneOrFail(WebhookEndpointEntity, {
    where: { id: endpointId },
    select: { id: true, lastSequence: true },
  });
  return row.lastSequence;
}
