import type { DomainEvent, DomainEventType, EventSubscriber } from '../../events/domain-events';
import type { AuthMethodName, SecurityEventType } from './security-event.entity';
import { describeDevice, type SecurityEventService } from './security-event.service';

/** A timeline entry with what it says beside its type: the method, the thing it was done to. */
interface Entry {
  type: SecurityEventType;
  method?: AuthMethodName | null;
  targetDevice?: string | null;
  newDevice?: boolean;
}

/**
 * Which events land on a person's security timeline, as which entry. A function may decline
 * (null): revocations are on the timeline only when the person revoked them themselves.
 */
const TIMELINE: {
  [T in DomainEventType]?: (event: DomainEvent<T>) => SecurityEventType | Entry | null;
} = {
  'account.signed_up': () => 'SIGN_UP',
  'account.signed_in': ({ data }) => ({
    type: 'SIGN_IN',
    method: data.method,
    newDevice: data.newDevice,
  }),
  'account.sign_in_failed': ({ data }) => ({
    type: 'SIGN_IN_FAILED',
    method: data.method ?? 'PASSWORD',
  }),
  'password.changed': () => 'PASSWORD_CHANGED',
  'password.reset': () => 'PASSWORD_RESET',
  'email.changed': () => 'EMAIL_CHANGED',
  'phone.changed': () => 'PHONE_CHANGED',
  'phone.removed': () => 'PHONE_REMOVED',
  'mfa.enabled': ({ data }) => ({ type: 'MFA_ENABLED', method: data.method }),
  'mfa.disabled': () => 'MFA_DISABLED',
  'mfa.method_added': ({ data }) => ({ type: 'MFA_METHOD_ADDED', method: data.method }),
  'mfa.method_removed': ({ data }) => ({ type: 'MFA_METHOD_REMOVED', method: data.method }),
  'mfa.default_method_changed': ({ data }) => ({
    type: 'MFA_DEFAULT_METHOD_CHANGED',
    method: data.method,
  }),
  'passkey.added': ({ data }) => ({ type: 'PASSKEY_ADDED', targetDevice: data.passkeyName }),
  'passkey.removed': ({ data }) => ({ type: 'PASSKEY_REMOVED', targetDevice: data.passkeyName }),
  'mfa.backup_codes_regenerated': () => 'BACKUP_CODES_REGENERATED',
  'session.revoked': ({ data }) =>
    data.reason !== 'LOGOUT' && data.consequenceOf === null ? 'SESSION_REVOKED' : null,
  // On the timeline of the person who acted.
  'api_key.created': () => 'API_KEY_CREATED',
  'api_key.rolled': () => 'API_KEY_ROLLED',
  'api_key.revoked': () => 'API_KEY_REVOKED',
  'webhook.endpoint_created': () => 'WEBHOOK_ENDPOINT_CREATED',
  'webhook.endpoint_deleted': () => 'WEBHOOK_ENDPOINT_DELETED',
  'webhook.secret_revealed': () => 'WEBHOOK_SECRET_REVEALED',
  'webhook.secret_rotated': () => 'WEBHOOK_SECRET_ROTATED',
  'data_export.requested': () => 'DATA_EXPORT_REQUESTED',
  'data_export.downloaded': () => 'DATA_EXPORT_DOWNLOADED',
  'account.deactivated': () => 'ACCOUNT_DEACTIVATED',
  'account.reactivated': () => 'ACCOUNT_REACTIVATED',
  'account.deletion_scheduled': () => 'ACCOUNT_DELETION_SCHEDULED',
  'account.deletion_cancelled': () => 'ACCOUNT_DELETION_CANCELLED',
};

/** The security timeline, written in the transaction of the change it records. */
export function recordTimeline(timeline: SecurityEventService): EventSubscriber {
  return (events) => {
    for (const type of Object.keys(TIMELINE) as DomainEventType[]) {
      events.inTransaction(type, async (event, manager) => {
        const found = (TIMELINE[type] as (e: DomainEvent) => SecurityEventType | Entry | null)(
          event,
        );
        if (!found || !event.accountId) return;
        const entry: Entry = typeof found === 'string' ? { type: found } : found;
        if (event.type === 'session.revoked') {
          // One line per device signed out, naming it (the event's own device is the one that
          // did it).
          const { sessions } = (event as DomainEvent<'session.revoked'>).data;
          for (const session of sessions) {
            await timeline.record(event.accountId, entry.type, event.client, {
              targetDevice: describeDevice(session.userAgent),
              manager,
            });
          }
          return;
        }
        await timeline.record(event.accountId, entry.type, event.client, {
          newDevice: entry.newDevice ?? false,
          method: entry.method ?? null,
          targetDevice: entry.targetDevice ?? null,
          manager,
        });
      });
    }
  };
}
