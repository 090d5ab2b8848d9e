import type { DomainEvent, DomainEventType, EventSubscriber } from '../../events/domain-events';
import type { ApiKeySnapshot } from '../api-key/api-key.events';
import type { WebhookDispatcher } from './webhook-dispatcher';
import '../plan/plan.events';

type Mapping<T extends DomainEventType> = (event: DomainEvent<T>) => Record<string, unknown>;

/** An API key in a webhook: what lists show; the organization is the endpoint's own. */
function apiKeyData({ organizationId: _organization, ...apiKey }: ApiKeySnapshot) {
  return apiKey;
}

/**
 * Atrium's own events as webhooks: the domain event each comes from and the `data` it carries
 * (the same names; webhook-event-types.ts shows an example of each).
 */
const SOURCES: { [T in DomainEventType]?: Mapping<T> } = {
  'organization.updated': ({ data: { organization, changedFields } }) => ({
    organization,
    changedFields,
  }),
  'member.invited': ({ data: { invitation, resent } }) => ({
    invitation: {
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      expiresAt: invitation.expiresAt.toISOString(),
    },
    resent,
  }),
  'member.joined': ({ data }) => ({ ...data }),
  'member.role_changed': ({ data }) => ({ ...data }),
  'member.removed': ({ data }) => ({ ...data }),
  'api_key.created': ({ data }) => ({ apiKey: apiKeyData(data.apiKey) }),
  'api_key.rolled': ({ data }) => ({
    apiKey: apiKeyData(data.apiKey),
    gracePeriodSeconds: data.gracePeriodSeconds,
  }),
  'api_key.revoked': ({ data }) => ({ apiKey: apiKeyData(data.apiKey) }),
  'plan.changed': ({ data }) => ({ previousPlan: data.previousPlan, plan: data.plan }),
  'recordings.deletion_requested': ({ data: { request } }) => ({
    requestId: request.id,
    requestedByAccountId: request.requestedByAccountId,
    requestedAt: request.requestedAt.toISOString(),
  }),
};

/** The webhook types Atrium sends of its own accord today. */
export const ATRIUM_SOURCED_TYPES = Object.keys(SOURCES) as DomainEventType[];

/** Queues the webhooks of Atrium's own events, in the transaction of the change. */
export function sendOwnEvents(dispatcher: WebhookDispatcher): EventSubscriber {
  return (events) => {
    for (const type of ATRIUM_SOURCED_TYPES) {
      events.inTransaction(type, async (event, manager) => {
        if (!event.organizationId) return;
        const data = (SOURCES[type] as Mapping<DomainEventType>)(event);
        await dispatcher.dispatch(
          manager,
          {
            organizationId: event.organizationId,
            type,
            data: JSON.stringify(data),
            source: 'ATRIUM',
            occurredAt: event.occurredAt,
          },
          { onlyIfSubscribed: true },
        );
      });
    }
  };
}
