import type { EventSubscriber } from '../../events/domain-events';
import type { Delivery } from '../../messaging/delivery';
import { formatMailDate, renderMail, toLocale } from '../../messaging/templates';
import type { OrganizationAdmin } from '../organization/admins';
import type { WebhookDisabledReason, WebhookEndpointEntity } from './webhook-endpoint.entity';

/** An endpoint as events carry it: never its secret. */
export interface WebhookEndpointSnapshot {
  id: string;
  organizationId: string;
  url: string;
  description: string;
  eventTypes: string[];
  enabled: boolean;
}

export function snapshotEndpoint(endpoint: WebhookEndpointEntity): WebhookEndpointSnapshot {
  return {
    id: endpoint.id,
    organizationId: endpoint.organizationId,
    url: endpoint.url,
    description: endpoint.description,
    eventTypes: endpoint.eventTypes.split(','),
    enabled: endpoint.enabled,
  };
}

/** Who is told about an endpoint's health, and where to send them. */
export interface EndpointNotice {
  endpoint: WebhookEndpointSnapshot;
  organizationName: string;
  admins: OrganizationAdmin[];
  /** The SPA's webhooks page of the organization. */
  link: string;
}

declare module '../../events/domain-events' {
  interface DomainEventCatalog {
    'webhook.endpoint_created': { endpoint: WebhookEndpointSnapshot };
    'webhook.endpoint_updated': {
      endpoint: WebhookEndpointSnapshot;
      previous: WebhookEndpointSnapshot;
      changedFields: string[];
    };
    'webhook.endpoint_deleted': { endpoint: WebhookEndpointSnapshot };
    /** A person read the secret (sudo mode): on their timeline. */
    'webhook.secret_revealed': { endpoint: WebhookEndpointSnapshot };
    /** A new secret; the previous one signs too until `previousSecretExpiresAt`. */
    'webhook.secret_rotated': {
      endpoint: WebhookEndpointSnapshot;
      previousSecretExpiresAt: string;
    };
    /** Re-enabled, and what failed since `since` queued again. */
    'webhook.endpoint_recovered': {
      endpoint: WebhookEndpointSnapshot;
      since: string;
      redelivered: number;
    };
    /** Deliveries have failed for a day: the admins are warned, once per streak of failures. */
    'webhook.endpoint_failing': EndpointNotice & { failingSince: string };
    /** Turned off by Atrium: it answered 410 Gone, or failed for 5 days in a row. */
    'webhook.endpoint_disabled': EndpointNotice & { reason: WebhookDisabledReason };
  }
}

const DISABLED_BECAUSE: Record<'en' | 'es', Record<WebhookDisabledReason, string>> = {
  en: {
    GONE: 'it answered 410 Gone, which means it no longer wants deliveries',
    FAILING: 'every delivery to it failed for 5 days',
    MANUAL: 'someone turned it off',
  },
  es: {
    GONE: 'respondió 410 Gone, que significa que ya no quiere entregas',
    FAILING: 'todas sus entregas fallaron durante 5 días',
    MANUAL: 'alguien lo desactivó',
  },
};

/** The warning and the notice of a disabled endpoint, mailed to each OWNER and ADMIN. */
export function mailEndpointHealth(delivery: Delivery): EventSubscriber {
  return (events) => {
    events.inTransaction('webhook.endpoint_failing', async ({ data }, manager) => {
      for (const admin of data.admins) {
        await delivery.mail(
          renderMail('webhookFailing', admin.locale, admin.email, {
            name: admin.fullName,
            organization: data.organizationName,
            url: data.endpoint.url,
            date: formatMailDate(data.failingSince, admin),
            link: data.link,
          }),
          manager,
        );
      }
    });
    events.inTransaction('webhook.endpoint_disabled', async ({ data }, manager) => {
      for (const admin of data.admins) {
        await delivery.mail(
          renderMail('webhookDisabled', admin.locale, admin.email, {
            name: admin.fullName,
            organization: data.organizationName,
            url: data.endpoint.url,
            reason: DISABLED_BECAUSE[toLocale(admin.locale)][data.reason],
            link: data.link,
          }),
          manager,
        );
      }
    });
  };
}
