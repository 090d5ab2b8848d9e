import { In, MoreThanOrEqual, type DataSource, type EntityManager } from 'typeorm';
import { requirePerson, type Caller } from '../../caller/caller';
import { newId } from '../../db/columns';
import type { DomainEvents } from '../../events/domain-events';
import { badUserInput, fail } from '../../graphql/errors';
import type { JobDefinition } from '../../jobs/define-job';
import type { JobQueue } from '../../jobs/job-queue';
import type { RecentAuthentication } from '../auth/recent-auth';
import {
  accessFor,
  authorize,
  inOrganization,
  type OrganizationAccess,
} from '../organization/access';
import { onEndpoint } from './endpoint-access';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';
import type { DeliverPayload } from './webhook-dispatcher';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';
import { isWebhookEventType } from './webhook-event-types';
import { LOG_RETENTION_DAYS } from './webhook-prune.job';
import type { WebhookSecrets } from './webhook-secrets';
import { generateWebhookSecret } from './webhook-signing';
import { checkWebhookUrl, type TargetPolicy } from './webhook-targets';
import { snapshotEndpoint } from './webhook.events';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How long the previous secret still signs after a rotation. */
export const ROTATION_OVERLAP_MS = DAY_MS;
const MAX_ENDPOINTS = 20;
/** Deliveries queued again by one recovery; calling it again goes on with the rest. */
export const MAX_RECOVERED = 5000;

export interface EndpointFields {
  url: string;
  description: string;
  eventTypes: readonly string[];
}

export interface EndpointChanges extends Partial<EndpointFields> {
  enabled?: boolean;
}

/** An endpoint and the caller's standing in its organization, checked on this request. */
export interface EndpointAccess {
  endpoint: WebhookEndpointEntity;
  access: OrganizationAccess;
}

/** Healthy again: no failure streak, no warning given, no reason to be off. */
const HEALTHY = {
  enabled: true,
  disabledReason: null,
  failureStreak: 0,
  failingSince: null,
  failureWarnedAt: null,
} as const;

/**
 * An organization's webhook endpoints, managed by its OWNER and ADMINs or a key with
 * WEBHOOKS_WRITE: create, change, enable and disable, delete, the secret (revealed in sudo mode,
 * rotated with a day of overlap), and recovery after an outage.
 */
export class WebhookEndpointService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly secrets: WebhookSecrets,
    private readonly recentAuth: RecentAuthentication,
    private readonly events: DomainEvents,
    private readonly jobs: JobQueue,
    private readonly deliverJob: JobDefinition<DeliverPayload>,
    private readonly policy: TargetPolicy,
  ) {}

  list(access: OrganizationAccess): Promise<WebhookEndpointEntity[]> {
    authorize(access, 'webhook.list');
    return this.dataSource.getRepository(WebhookEndpointEntity).find({
      where: { organizationId: access.organization.id },
      order: { id: 'ASC' },
    });
  }

  /** One endpoint, for those who may list them; NOT_FOUND for anyone else. */
  async get(caller: Caller, endpointId: string): Promise<EndpointAccess> {
    const endpoint = await this.dataSource
      .getRepository(WebhookEndpointEntity)
      .findOneBy({ id: endpointId });
    if (!endpoint) throw fail('WEBHOOK_ENDPOINT_NOT_FOUND');
    const access = await accessFor(this.dataSource, {
      caller,
      organizationId: endpoint.organizationId,
      operation: 'webhook.list',
      missing: 'WEBHOOK_ENDPOINT_NOT_FOUND',
    });
    return { endpoint, access };
  }

  async create(
    caller: Caller,
    organizationId: string,
    fields: EndpointFields,
  ): Promise<EndpointAccess & { secret: string }> {
    this.check(fields);
    const secret = generateWebhookSecret();
    return inOrganization(
      this.dataSource,
      { caller, organizationId, operation: 'webhook.create' },
      async (manager, access) => {
        const count = await manager.countBy(WebhookEndpointEntity, { organizationId });
        if (count >= MAX_ENDPOINTS) {
          throw fail('WEBHOOK_ENDPOINT_LIMIT_REACHED', { params: { max: MAX_ENDPOINTS } });
        }
        const now = new Date();
        const endpoint = manager.create(WebhookEndpointEntity, {
          id: newId(),
          organizationId,
          url: fields.url,
          description: fields.description.trim(),
          eventTypes: [...new Set(fields.eventTypes)].join(','),
          ...HEALTHY,
          secretSealed: this.secrets.seal(secret),
          previousSecretSealed: null,
          previousSecretExpiresAt: null,
          lastSequence: 0,
          lastSuccessAt: null,
          lastFailureAt: null,
          createdAt: now,
          updatedAt: now,
        });
        await manager.insert(WebhookEndpointEntity, endpoint);
        await this.say(manager, caller, 'webhook.endpoint_created', endpoint);
        return { endpoint, access, secret };
      },
    );
  }

  update(caller: Caller, endpointId: string, changes: EndpointChanges): Promise<EndpointAccess> {
    this.check(changes);
    return onEndpoint(
      this.dataSource,
      caller,
      endpointId,
      'webhook.update',
      async (manager, endpoint, access) => {
        const patch: Partial<WebhookEndpointEntity> = {};
        if (changes.url !== undefined) patch.url = changes.url;
        if (changes.description !== undefined) patch.description = changes.description.trim();
        if (changes.eventTypes !== undefined) {
          patch.eventTypes = [...new Set(changes.eventTypes)].join(',');
        }
        if (changes.enabled === true && !endpoint.enabled) Object.assign(patch, HEALTHY);
        if (changes.enabled === false && endpoint.enabled) {
          Object.assign(patch, { enabled: false, disabledReason: 'MANUAL' });
        }
        const changedFields = (Object.keys(patch) as Array<keyof WebhookEndpointEntity>).filter(
          (field) => patch[field] !== endpoint[field],
        );
        if (changedFields.length === 0) return { endpoint, access };
        const updated = Object.assign(new WebhookEndpointEntity(), endpoint, patch, {
          updatedAt: new Date(),
        });
        await manager.update(
          WebhookEndpointEntity,
          { id: endpoint.id },
          { ...patch, updatedAt: updated.updatedAt },
        );
        await this.events.emit(manager, {
          type: 'webhook.endpoint_updated',
          caller,
          organizationId: endpoint.organizationId,
          data: {
            endpoint: snapshotEndpoint(updated),
            previous: snapshotEndpoint(endpoint),
            changedFields,
          },
        });
        return { endpoint: updated, access };
      },
    );
  }

  /** Its deliveries and their log go with it. */
  delete(caller: Caller, endpointId: string): Promise<boolean> {
    return onEndpoint(
      this.dataSource,
      caller,
      endpointId,
      'webhook.delete',
      async (manager, endpoint) => {
        await manager.delete(WebhookEndpointEntity, { id: endpoint.id });
        await this.say(manager, caller, 'webhook.endpoint_deleted', endpoint);
        return true;
      },
    );
  }

  /** The current secret, to a person in sudo mode; on their timeline. */
  revealSecret(caller: Caller, endpointId: string): Promise<string> {
    return onEndpoint(
      this.dataSource,
      caller,
      endpointId,
      'webhook.revealSecret',
      async (manager, endpoint) => {
        this.recentAuth.require(requirePerson(caller).session);
        await this.say(manager, caller, 'webhook.secret_revealed', endpoint);
        return this.secrets.open(endpoint.secretSealed);
      },
    );
  }

  /**
   * A new secret at once; deliveries carry signatures of both for a day, so receivers can
   * switch without missing one. People need sudo mode; a key with WEBHOOKS_WRITE may rotate.
   */
  rotateSecret(caller: Caller, endpointId: string): Promise<string> {
    return onEndpoint(
      this.dataSource,
      caller,
      endpointId,
      'webhook.rotateSecret',
      async (manager, endpoint) => {
        if (caller.kind === 'PERSON') this.recentAuth.require(caller.session);
        const secret = generateWebhookSecret();
        const now = new Date();
        const rotated = {
          secretSealed: this.secrets.seal(secret),
          previousSecretSealed: endpoint.secretSealed,
          previousSecretExpiresAt: new Date(now.getTime() + ROTATION_OVERLAP_MS),
          updatedAt: now,
        };
        const result = await manager.update(
          WebhookEndpointEntity,
          { id: endpoint.id, secretSealed: endpoint.secretSealed },
          rotated,
        );
        if (result.affected !== 1) throw fail('WEBHOOK_ENDPOINT_NOT_FOUND');
        await this.events.emit(manager, {
          type: 'webhook.secret_rotated',
          caller,
          accountId: caller.kind === 'PERSON' ? caller.account.id : null,
          organizationId: endpoint.organizationId,
          data: {
            endpoint: snapshotEndpoint(endpoint),
            previousSecretExpiresAt: rotated.previousSecretExpiresAt.toISOString(),
          },
        });
        return secret;
      },
    );
  }

  /**
   * Turns the endpoint back on and queues again, from the start of the retry schedule, every
   * delivery to it that failed since `since` (oldest first, at most MAX_RECOVERED a call).
   */
  recover(
    caller: Caller,
    endpointId: string,
    since: Date,
  ): Promise<EndpointAccess & { redelivered: number }> {
    const now = Date.now();
    if (
      Number.isNaN(since.getTime()) ||
      since.getTime() > now ||
      since.getTime() < now - LOG_RETENTION_DAYS * DAY_MS
    ) {
      throw badUserInput({
        since: { reason: 'WEBHOOK_RECOVER_SINCE_INVALID', params: { days: LOG_RETENTION_DAYS } },
      });
    }
    return onEndpoint(
      this.dataSource,
      caller,
      endpointId,
      'webhook.recover',
      async (manager, endpoint, access) => {
        const recovered = Object.assign(new WebhookEndpointEntity(), endpoint, HEALTHY, {
          updatedAt: new Date(),
        });
        await manager.update(
          WebhookEndpointEntity,
          { id: endpoint.id },
          { ...HEALTHY, updatedAt: recovered.updatedAt },
        );
        const failed = await manager.find(WebhookDeliveryEntity, {
          where: { endpointId: endpoint.id, status: 'FAILED', createdAt: MoreThanOrEqual(since) },
          select: { id: true },
          order: { createdAt: 'ASC' },
          take: MAX_RECOVERED,
        });
        const ids = failed.map((delivery) => delivery.id);
        const runAt = new Date();
        for (let i = 0; i < ids.length; i += 500) {
          const batch = ids.slice(i, i + 500);
          await manager.update(
            WebhookDeliveryEntity,
            { id: In(batch), status: 'FAILED' },
            { status: 'PENDING', scheduledAttempts: 0, nextAttemptAt: runAt },
          );
          for (const deliveryId of batch) {
            await this.jobs.enqueue(manager, this.deliverJob, { deliveryId, step: 0 }, { runAt });
          }
        }
        await this.events.emit(manager, {
          type: 'webhook.endpoint_recovered',
          caller,
          organizationId: endpoint.organizationId,
          data: {
            endpoint: snapshotEndpoint(recovered),
            since: since.toISOString(),
            redelivered: ids.length,
          },
        });
        return { endpoint: recovered, access, redelivered: ids.length };
      },
    );
  }

  /** Refuses a URL or event types no endpoint could have, before any transaction. */
  private check(fields: Partial<EndpointFields>): void {
    if (fields.url !== undefined) {
      const problem = checkWebhookUrl(fields.url, this.policy);
      if (problem) throw badUserInput({ url: problem });
    }
    if (fields.eventTypes !== undefined) {
      if (fields.eventTypes.length === 0) {
        throw badUserInput({ eventTypes: 'WEBHOOK_EVENT_TYPES_REQUIRED' });
      }
      const unknown = fields.eventTypes.find((type) => !isWebhookEventType(type));
      if (unknown !== undefined) {
        throw badUserInput({
          eventTypes: { reason: 'WEBHOOK_EVENT_TYPE_UNKNOWN', params: { type: unknown } },
        });
      }
    }
  }

  private say(
    manager: EntityManager,
    caller: Caller,
    type: 'webhook.endpoint_created' | 'webhook.endpoint_deleted' | 'webhook.secret_revealed',
    endpoint: WebhookEndpointEntity,
  ): Promise<void> {
    return this.events.emit(manager, {
      type,
      caller,
      accountId: caller.kind === 'PERSON' ? caller.account.id : null,
      organizationId: endpoint.organizationId,
      data: { endpoint: snapshotEndpoint(endpoint) },
    });
  }
}
