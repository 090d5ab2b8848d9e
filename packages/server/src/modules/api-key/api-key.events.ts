import type { EventSubscriber } from '../../events/domain-events';
import type { Delivery } from '../../messaging/delivery';
import { formatMailDate, renderMail } from '../../messaging/templates';
import type { OrganizationAdmin } from '../organization/admins';
import type { ApiKeyEntity } from './api-key.entity';

/** A key as events carry it: what lists show, never a secret or its hash. */
export interface ApiKeySnapshot {
  id: string;
  organizationId: string;
  name: string;
  prefix: string;
  scopes: string[];
  expiresAt: string | null;
}

export function snapshotApiKey(key: ApiKeyEntity): ApiKeySnapshot {
  return {
    id: key.id,
    organizationId: key.organizationId,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes.split(','),
    expiresAt: key.expiresAt?.toISOString() ?? null,
  };
}

/** Someone the expiry reminder goes to: an OWNER or ADMIN of the key's organization. */
export type KeyAdmin = OrganizationAdmin;

declare module '../../events/domain-events' {
  interface DomainEventCatalog {
    /** A person created a key (on their timeline; the secret is not in the event). */
    'api_key.created': { apiKey: ApiKeySnapshot };
    /** A person rolled a key: a new secret, the old one valid `gracePeriodSeconds` more. */
    'api_key.rolled': { apiKey: ApiKeySnapshot; gracePeriodSeconds: number };
    /** A person revoked a key. */
    'api_key.revoked': { apiKey: ApiKeySnapshot };
    /** A key expires within 7 days; said once per key, by the scheduled reminder. */
    'api_key.expiring': { apiKey: ApiKeySnapshot; organizationName: string; admins: KeyAdmin[] };
  }
}

/** The reminder mail to each OWNER and ADMIN, queued in the transaction that marks the key told. */
export function mailExpiryReminders(delivery: Delivery): EventSubscriber {
  return (events) => {
    events.inTransaction('api_key.expiring', async ({ data }, manager) => {
      for (const admin of data.admins) {
        await delivery.mail(
          renderMail('apiKeyExpiring', admin.locale, admin.email, {
            name: admin.fullName,
            organization: data.organizationName,
            keyName: data.apiKey.name,
            prefix: data.apiKey.prefix,
            date: formatMailDate(data.apiKey.expiresAt, admin),
          }),
          manager,
        );
      }
    });
  };
}
