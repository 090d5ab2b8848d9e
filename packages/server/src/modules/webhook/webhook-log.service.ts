import { In, type DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '../../caller/caller';
import { encodeCursor, type Page, type PageRequest } from '../../graphql/connection';
import { fail } from '../../graphql/errors';
import type { JobDefinition } from '../../jobs/define-job';
import type { JobQueue } from '../../jobs/job-queue';
import { authorize, inOrganization, type OrganizationAccess } from '../organization/access';
import { WebhookAttemptEntity } from './webhook-attempt.entity';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';
import type { DeliverPayload, WebhookDispatcher } from './webhook-dispatcher';
import { onEndpoint } from './endpoint-access';
import { WebhookEventEntity } from './webhook-event.entity';
import { TEST_EVENT_TYPE } from './webhook-event-types';
import type { DeliveryDetails } from './webhook.types';

/** A page of deliveries, each able to load its attempts and event (one query each per page). */
export interface DeliveryPage extends Page<WebhookDeliveryEntity>, DeliveryDetails {
  cursorOf(delivery: WebhookDeliveryEntity): string;
}

/** The delivery log of an endpoint, and deliveries made by hand: redeliver one, send a test. */
export class WebhookLogService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly deliverJob: JobDefinition<DeliverPayload>,
    private readonly dispatcher: WebhookDispatcher,
  ) {}

  /** Newest first. */
  async deliveries(
    access: OrganizationAccess,
    endpointId: string,
    page: PageRequest,
  ): Promise<DeliveryPage> {
    authorize(access, 'webhook.list');
    const query = this.dataSource
      .getRepository(WebhookDeliveryEntity)
      .createQueryBuilder('d')
      .where('d.endpoint_id = :endpointId', { endpointId })
      .orderBy('d.id', 'DESC')
      .limit(page.first + 1);
    if (page.afterKey) query.andWhere('d.id < :after', { after: page.afterKey });
    const rows = await query.getMany();
    const nodes = rows.slice(0, page.first);
    return {
      nodes,
      hasNextPage: rows.length > page.first,
      cursorOf: (delivery) => encodeCursor(delivery.id),
      ...this.details(nodes),
    };
  }

  /** Loaders of the attempts and events of `deliveries`, each one query when first asked. */
  details(deliveries: readonly WebhookDeliveryEntity[]): DeliveryDetails {
    let attempts: Promise<Map<string, WebhookAttemptEntity[]>> | null = null;
    let events: Promise<Map<string, WebhookEventEntity>> | null = null;
    return {
      attemptsOf: async (deliveryId) => {
        attempts ??= this.attemptsByDelivery(deliveries.map((delivery) => delivery.id));
        return (await attempts).get(deliveryId) ?? [];
      },
      eventOf: async (eventId) => {
        events ??= this.eventsById(deliveries.map((delivery) => delivery.eventId));
        return (await events).get(eventId) ?? null;
      },
    };
  }

  /** One more attempt now, under the same `webhook-id`, whatever became of the earlier ones. */
  redeliver(caller: Caller, deliveryId: string): Promise<WebhookDeliveryEntity> {
    return this.onDelivery(caller, deliveryId, async (manager, delivery) => {
      await manager.update(WebhookDeliveryEntity, { id: delivery.id }, { status: 'PENDING' });
      await this.jobs.enqueue(manager, this.deliverJob, { deliveryId: delivery.id, step: null });
      return Object.assign(new WebhookDeliveryEntity(), delivery, { status: 'PENDING' as const });
    });
  }

  /** A `webhook.test` event to this endpoint alone, attempted once, now. */
  sendTest(caller: Caller, endpointId: string): Promise<WebhookDeliveryEntity> {
    return onEndpoint(
      this.dataSource,
      caller,
      endpointId,
      'webhook.test',
      async (manager, endpoint) => {
        const { deliveries } = await this.dispatcher.dispatch(
          manager,
          {
            organizationId: endpoint.organizationId,
            type: TEST_EVENT_TYPE,
            data: JSON.stringify({
              message: 'A test event from Atrium: your endpoint receives and verifies webhooks.',
              endpointId: endpoint.id,
            }),
            source: 'TEST',
          },
          { endpoint, singleAttempt: true },
        );
        return deliveries[0];
      },
    );
  }

  private async eventsById(ids: string[]): Promise<Map<string, WebhookEventEntity>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(WebhookEventEntity)
      .findBy({ id: In([...new Set(ids)]) });
    return new Map(rows.map((row) => [row.id, row]));
  }

  private async attemptsByDelivery(ids: string[]): Promise<Map<string, WebhookAttemptEntity[]>> {
    const byDelivery = new Map<string, WebhookAttemptEntity[]>();
    if (ids.length === 0) return byDelivery;
    const rows = await this.dataSource.getRepository(WebhookAttemptEntity).find({
      where: { deliveryId: In(ids) },
      order: { id: 'DESC' },
    });
    for (const row of rows) {
      const list = byDelivery.get(row.deliveryId) ?? [];
      list.push(row);
      byDelivery.set(row.deliveryId, list);
    }
    return byDelivery;
  }

  private async onDelivery<T>(
    caller: Caller,
    deliveryId: string,
    work: (manager: EntityManager, delivery: WebhookDeliveryEntity) => Promise<T>,
  ): Promise<T> {
    const found = await this.dataSource
      .getRepository(WebhookDeliveryEntity)
      .findOne({ where: { id: deliveryId }, relations: { endpoint: true } });
    if (!found?.endpoint) throw fail('WEBHOOK_DELIVERY_NOT_FOUND');
    return inOrganization(
      this.dataSource,
      {
        caller,
        organizationId: found.endpoint.organizationId,
        operation: 'webhook.redeliver',
        missing: 'WEBHOOK_DELIVERY_NOT_FOUND',
      },
      async (manager) => {
        const delivery = await manager.findOneBy(WebhookDeliveryEntity, { id: deliveryId });
        if (!delivery) throw fail('WEBHOOK_DELIVERY_NOT_FOUND');
        return work(manager, delivery);
      },
    );
  }
}
