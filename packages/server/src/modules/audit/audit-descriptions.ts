import type { DomainEvent, DomainEventType } from '../../events/domain-events';
import {
  REDACTED,
  type AuditEventType,
  type AuditTargetType,
  type Changes,
  type JsonValue,
} from './audit-types';

/** What an audit entry says about one domain event, before the chain and the actor are added. */
export interface AuditDraft {
  type: AuditEventType;
  targetType: AuditTargetType;
  targetId: string | null;
  /** What the target is called, when that names nobody (a key's name, a domain, a URL). */
  targetLabel?: string | null;
  /** Changed fields that name nobody. */
  changes?: Changes;
  /** What names a person: the target's name (a member's) and fields such as an invitee's address. */
  personalLabel?: string | null;
  personalChanges?: Changes;
  /** Whose data `personal*` is: erased with that account (or an account of that address). */
  subject?: { accountId?: string | null; email?: string | null };
}

/** How one event type becomes an entry: the entry types it can give, and the mapping. */
export interface Audited<T extends DomainEventType> {
  readonly types: readonly AuditEventType[];
  readonly describe: (event: DomainEvent<T>) => AuditDraft;
}

/** An event that is not in the organization's audit log, and why. */
export interface NotAudited {
  readonly notAudited: string;
}

const PERSONAL = 'about one person, on their security timeline: not an organization change';
const REMINDER = 'a reminder mailed to the admins: nothing in the organization changed';

/** `{field: {after}}` for something new. */
function created(values: Record<string, JsonValue>): Changes {
  return Object.fromEntries(Object.entries(values).map(([field, after]) => [field, { after }]));
}

/** `{field: {before}}` for something gone. */
function removed(values: Record<string, JsonValue>): Changes {
  return Object.fromEntries(Object.entries(values).map(([field, before]) => [field, { before }]));
}

/** The fields among `fields` whose value differs, before and after. */
function diff<V extends Record<string, JsonValue>>(
  before: V,
  after: V,
  fields: readonly (keyof V & string)[],
): Changes {
  const changes: Changes = {};
  for (const field of fields) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) {
      changes[field] = { before: before[field], after: after[field] };
    }
  }
  return changes;
}

/** A person as the log names them where they are the target: name and address. */
function personLabel(person: { fullName: string | null; email: string | null }): string | null {
  if (person.fullName && person.email) return `${person.fullName} <${person.email}>`;
  return person.fullName ?? person.email;
}

const secretReplaced = { secret: { before: REDACTED, after: REDACTED } };

/**
 * Every domain event type, as an entry of the organization's audit log or not, and why not: the
 * compiler insists on a line for each type, so a new event cannot be forgotten. Secrets never
 * appear: each mapping picks the fields it shows, and the recorder redacts any field named like
 * a secret besides (audit-recorder.ts).
 */
export const AUDIT_DESCRIPTIONS: {
  readonly [T in DomainEventType]: Audited<T> | NotAudited;
} = {
  'organization.updated': {
    types: ['ORGANIZATION_UPDATED'],
    describe: ({ data: { organization, previous } }) => ({
      type: 'ORGANIZATION_UPDATED',
      targetType: 'ORGANIZATION',
      targetId: organization.id,
      targetLabel: organization.name,
      changes: diff({ ...previous }, { ...organization }, ['name', 'industry', 'website']),
    }),
  },
  'member.invited': {
    types: ['MEMBER_INVITED', 'INVITATION_RESENT'],
    describe: ({ data: { invitation, resent, inviteeAccountId } }) => ({
      type: resent ? 'INVITATION_RESENT' : 'MEMBER_INVITED',
      targetType: 'INVITATION',
      targetId: invitation.id,
      changes: resent
        ? { expiresAt: { after: invitation.expiresAt.toISOString() } }
        : created({ role: invitation.role, expiresAt: invitation.expiresAt.toISOString() }),
      personalLabel: invitation.email,
      personalChanges: resent ? {} : created({ email: invitation.email }),
      subject: { accountId: inviteeAccountId, email: invitation.emailNormalized },
    }),
  },
  'invitation.revoked': {
    types: ['INVITATION_REVOKED'],
    describe: ({ data: { invitation, previousStatus } }) => ({
      type: 'INVITATION_REVOKED',
      targetType: 'INVITATION',
      targetId: invitation.id,
      changes: { status: { before: previousStatus, after: 'REVOKED' } },
      personalLabel: invitation.email,
      subject: { email: invitation.emailNormalized },
    }),
  },
  'member.joined': {
    types: ['MEMBER_JOINED'],
    describe: ({ data: { member } }) => ({
      type: 'MEMBER_JOINED',
      targetType: 'MEMBER',
      targetId: member.id,
      changes: created({ role: member.role }),
      personalLabel: personLabel(member),
      subject: { accountId: member.accountId },
    }),
  },
  'member.role_changed': {
    types: ['MEMBER_ROLE_CHANGED'],
    describe: ({ data: { member, previousRole } }) => ({
      type: 'MEMBER_ROLE_CHANGED',
      targetType: 'MEMBER',
      targetId: member.id,
      changes: { role: { before: previousRole, after: member.role } },
      personalLabel: personLabel(member),
      subject: { accountId: member.accountId },
    }),
  },
  'member.removed': {
    types: ['MEMBER_REMOVED', 'MEMBER_LEFT'],
    describe: ({ data: { member, left } }) => ({
      type: left ? 'MEMBER_LEFT' : 'MEMBER_REMOVED',
      targetType: 'MEMBER',
      targetId: member.id,
      changes: removed({ role: member.role }),
      personalLabel: personLabel(member),
      subject: { accountId: member.accountId },
    }),
  },
  'domain.added': {
    types: ['DOMAIN_ADDED'],
    describe: ({ data: { domain } }) => ({
      type: 'DOMAIN_ADDED',
      targetType: 'DOMAIN',
      targetId: domain.id,
      targetLabel: domain.domain,
      changes: created({ domain: domain.domain }),
    }),
  },
  'domain.verified': {
    types: ['DOMAIN_VERIFIED'],
    describe: ({ data: { domain } }) => ({
      type: 'DOMAIN_VERIFIED',
      targetType: 'DOMAIN',
      targetId: domain.id,
      targetLabel: domain.domain,
      changes: { verifiedAt: { before: null, after: domain.verifiedAt } },
    }),
  },
  'domain.removed': {
    types: ['DOMAIN_REMOVED'],
    describe: ({ data: { domain } }) => ({
      type: 'DOMAIN_REMOVED',
      targetType: 'DOMAIN',
      targetId: domain.id,
      targetLabel: domain.domain,
      changes: removed({ domain: domain.domain, verifiedAt: domain.verifiedAt }),
    }),
  },
  'api_key.created': {
    types: ['API_KEY_CREATED'],
    describe: ({ data: { apiKey } }) => ({
      type: 'API_KEY_CREATED',
      targetType: 'API_KEY',
      targetId: apiKey.id,
      targetLabel: `${apiKey.name} (${apiKey.prefix}…)`,
      changes: created({
        name: apiKey.name,
        scopes: apiKey.scopes,
        expiresAt: apiKey.expiresAt,
        secret: REDACTED,
      }),
    }),
  },
  'api_key.rolled': {
    types: ['API_KEY_ROLLED'],
    describe: ({ data: { apiKey, gracePeriodSeconds } }) => ({
      type: 'API_KEY_ROLLED',
      targetType: 'API_KEY',
      targetId: apiKey.id,
      targetLabel: `${apiKey.name} (${apiKey.prefix}…)`,
      changes: {
        ...secretReplaced,
        prefix: { after: apiKey.prefix },
        gracePeriodSeconds: { after: gracePeriodSeconds },
      },
    }),
  },
  'api_key.revoked': {
    types: ['API_KEY_REVOKED'],
    describe: ({ data: { apiKey }, occurredAt }) => ({
      type: 'API_KEY_REVOKED',
      targetType: 'API_KEY',
      targetId: apiKey.id,
      targetLabel: `${apiKey.name} (${apiKey.prefix}…)`,
      changes: { revokedAt: { before: null, after: occurredAt.toISOString() } },
    }),
  },
  'api_key.expiring': { notAudited: REMINDER },
  'webhook.endpoint_created': {
    types: ['WEBHOOK_ENDPOINT_CREATED'],
    describe: ({ data: { endpoint } }) => ({
      type: 'WEBHOOK_ENDPOINT_CREATED',
      targetType: 'WEBHOOK_ENDPOINT',
      targetId: endpoint.id,
      targetLabel: endpoint.url,
      changes: created({
        url: endpoint.url,
        description: endpoint.description,
        eventTypes: endpoint.eventTypes,
        enabled: endpoint.enabled,
        secret: REDACTED,
      }),
    }),
  },
  'webhook.endpoint_updated': {
    types: ['WEBHOOK_ENDPOINT_UPDATED'],
    describe: ({ data: { endpoint, previous } }) => ({
      type: 'WEBHOOK_ENDPOINT_UPDATED',
      targetType: 'WEBHOOK_ENDPOINT',
      targetId: endpoint.id,
      targetLabel: endpoint.url,
      changes: diff({ ...previous }, { ...endpoint }, [
        'url',
        'description',
        'eventTypes',
        'enabled',
      ]),
    }),
  },
  'webhook.endpoint_deleted': {
    types: ['WEBHOOK_ENDPOINT_DELETED'],
    describe: ({ data: { endpoint } }) => ({
      type: 'WEBHOOK_ENDPOINT_DELETED',
      targetType: 'WEBHOOK_ENDPOINT',
      targetId: endpoint.id,
      targetLabel: endpoint.url,
      changes: removed({
        url: endpoint.url,
        description: endpoint.description,
        eventTypes: endpoint.eventTypes,
        enabled: endpoint.enabled,
      }),
    }),
  },
  'webhook.secret_revealed': {
    types: ['WEBHOOK_SECRET_REVEALED'],
    describe: ({ data: { endpoint } }) => ({
      type: 'WEBHOOK_SECRET_REVEALED',
      targetType: 'WEBHOOK_ENDPOINT',
      targetId: endpoint.id,
      targetLabel: endpoint.url,
    }),
  },
  'webhook.secret_rotated': {
    types: ['WEBHOOK_SECRET_ROTATED'],
    describe: ({ data: { endpoint, previousSecretExpiresAt } }) => ({
      type: 'WEBHOOK_SECRET_ROTATED',
      targetType: 'WEBHOOK_ENDPOINT',
      targetId: endpoint.id,
      targetLabel: endpoint.url,
      changes: {
        ...secretReplaced,
        previousSecretExpiresAt: { after: previousSecretExpiresAt },
      },
    }),
  },
  'webhook.endpoint_recovered': {
    types: ['WEBHOOK_ENDPOINT_RECOVERED'],
    describe: ({ data: { endpoint, since, redelivered } }) => ({
      type: 'WEBHOOK_ENDPOINT_RECOVERED',
      targetType: 'WEBHOOK_ENDPOINT',
      targetId: endpoint.id,
      targetLabel: endpoint.url,
      changes: created({ enabled: true, redeliveredSince: since, redelivered }),
    }),
  },
  'webhook.endpoint_failing': { notAudited: REMINDER },
  'webhook.endpoint_disabled': {
    types: ['WEBHOOK_ENDPOINT_DISABLED'],
    describe: ({ data: { endpoint, reason } }) => ({
      type: 'WEBHOOK_ENDPOINT_DISABLED',
      targetType: 'WEBHOOK_ENDPOINT',
      targetId: endpoint.id,
      targetLabel: endpoint.url,
      changes: { enabled: { before: true, after: false }, disabledReason: { after: reason } },
    }),
  },
  'notification_rules.updated': {
    types: ['NOTIFICATION_RULES_UPDATED'],
    describe: ({ organizationId, data: { changes } }) => ({
      type: 'NOTIFICATION_RULES_UPDATED',
      targetType: 'ORGANIZATION',
      targetId: organizationId,
      changes: Object.fromEntries(
        changes.map(({ type, channel, before, after }) => [
          `${type}.${channel}`,
          { before, after },
        ]),
      ),
    }),
  },
  'recordings.deletion_requested': {
    types: ['RECORDINGS_DELETION_REQUESTED'],
    describe: ({ data: { request } }) => ({
      type: 'RECORDINGS_DELETION_REQUESTED',
      targetType: 'RECORDINGS_DELETION',
      targetId: request.id,
      changes: created({ status: request.status }),
    }),
  },
  'recordings.deletion_completed': {
    types: ['RECORDINGS_DELETION_COMPLETED'],
    describe: ({ data: { request } }) => ({
      type: 'RECORDINGS_DELETION_COMPLETED',
      targetType: 'RECORDINGS_DELETION',
      targetId: request.id,
      changes: { status: { before: 'PENDING', after: request.status } },
    }),
  },
  'wallet.balance_changed': {
    types: ['WALLET_BALANCE_CHANGED'],
    describe: ({ organizationId, data: { previousCents, balanceCents, currency, asOf } }) => ({
      type: 'WALLET_BALANCE_CHANGED',
      targetType: 'ORGANIZATION',
      targetId: organizationId,
      changes: {
        balanceCents: { before: previousCents, after: balanceCents },
        currency: { after: currency },
        asOf: { after: asOf },
      },
    }),
  },
  'plan.changed': {
    types: ['PLAN_CHANGED'],
    describe: ({ organizationId, data: { previousPlan, plan } }) => ({
      type: 'PLAN_CHANGED',
      targetType: 'ORGANIZATION',
      targetId: organizationId,
      changes: { plan: { before: previousPlan, after: plan } },
    }),
  },
  'invoice.recorded': {
    types: ['INVOICE_RECORDED'],
    // The PDF's address is left out: a billing service's download link may carry a credential.
    describe: ({ data: { invoice, previous } }) => {
      const { pdfUrl: _pdf, id: _id, ...fields } = invoice;
      const fieldNames = Object.keys(fields) as Array<keyof typeof fields>;
      return {
        type: 'INVOICE_RECORDED',
        targetType: 'INVOICE',
        targetId: invoice.id,
        targetLabel: invoice.number,
        changes: previous ? diff({ ...previous }, { ...invoice }, fieldNames) : created(fields),
      };
    },
  },
  'usage.reported': {
    notAudited: 'metering, many reports a minute: the usage of the cycle shows what they add up to',
  },
  // A person's own account, sign-in and devices: their security timeline, not the organization's.
  'account.signed_up': { notAudited: PERSONAL },
  'account.signed_in': { notAudited: PERSONAL },
  'account.sign_in_failed': { notAudited: PERSONAL },
  'password.changed': { notAudited: PERSONAL },
  'password.reset': { notAudited: PERSONAL },
  'password.reset_requested': { notAudited: PERSONAL },
  'email.verification_requested': { notAudited: PERSONAL },
  'email.change_requested': { notAudited: PERSONAL },
  'email.changed': { notAudited: PERSONAL },
  'phone.changed': { notAudited: PERSONAL },
  'phone.removed': { notAudited: PERSONAL },
  'mfa.enabled': { notAudited: PERSONAL },
  'mfa.disabled': { notAudited: PERSONAL },
  'mfa.backup_codes_regenerated': { notAudited: PERSONAL },
  'mfa.method_added': { notAudited: PERSONAL },
  'mfa.method_removed': { notAudited: PERSONAL },
  'mfa.default_method_changed': { notAudited: PERSONAL },
  'passkey.added': { notAudited: PERSONAL },
  'passkey.removed': { notAudited: PERSONAL },
  'session.created': { notAudited: PERSONAL },
  'session.revoked': { notAudited: PERSONAL },
  'data_export.requested': { notAudited: PERSONAL },
  'data_export.ready': { notAudited: PERSONAL },
  'data_export.downloaded': { notAudited: PERSONAL },
  'account.deactivated': { notAudited: PERSONAL },
  'account.reactivation_requested': { notAudited: PERSONAL },
  'account.reactivated': { notAudited: PERSONAL },
  'account.deletion_scheduled': { notAudited: PERSONAL },
  'account.deletion_cancelled': { notAudited: PERSONAL },
  'account.deleted': {
    notAudited: 'the account is gone, and with it the details of the entries that named it',
  },
  'notification.created': { notAudited: "an item of one person's in-app feed" },
  'notification.read': { notAudited: 'one person reading their in-app feed' },
};

/** The event types that make entries. */
export const AUDITED_EVENT_TYPES = (Object.keys(AUDIT_DESCRIPTIONS) as DomainEventType[]).filter(
  (type) => 'describe' in AUDIT_DESCRIPTIONS[type],
);
