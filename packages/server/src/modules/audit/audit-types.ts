/**
 * The names an audit entry can carry. They are stored, hashed into the chain and exported as
 * they are: rename one only with a migration, and never for entries already written.
 */
export const AUDIT_EVENT_TYPES = [
  'ORGANIZATION_UPDATED',
  'MEMBER_INVITED',
  'INVITATION_RESENT',
  'INVITATION_REVOKED',
  'MEMBER_JOINED',
  'MEMBER_ROLE_CHANGED',
  'MEMBER_REMOVED',
  'MEMBER_LEFT',
  'DOMAIN_ADDED',
  'DOMAIN_VERIFIED',
  'DOMAIN_REMOVED',
  'API_KEY_CREATED',
  'API_KEY_ROLLED',
  'API_KEY_REVOKED',
  'WEBHOOK_ENDPOINT_CREATED',
  'WEBHOOK_ENDPOINT_UPDATED',
  'WEBHOOK_ENDPOINT_DELETED',
  'WEBHOOK_ENDPOINT_RECOVERED',
  'WEBHOOK_ENDPOINT_DISABLED',
  'WEBHOOK_SECRET_REVEALED',
  'WEBHOOK_SECRET_ROTATED',
  'NOTIFICATION_RULES_UPDATED',
  'RECORDINGS_DELETION_REQUESTED',
  'RECORDINGS_DELETION_COMPLETED',
  'WALLET_BALANCE_CHANGED',
  'PLAN_CHANGED',
  'INVOICE_RECORDED',
] as const;
export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

export const AUDIT_ACTOR_TYPES = ['PERSON', 'API_KEY', 'SYSTEM'] as const;
export type AuditActorType = (typeof AUDIT_ACTOR_TYPES)[number];

/** What an entry is about; its `targetId` is that thing's id (an organization's own for ORGANIZATION). */
export const AUDIT_TARGET_TYPES = [
  'ORGANIZATION',
  'MEMBER',
  'INVITATION',
  'DOMAIN',
  'API_KEY',
  'WEBHOOK_ENDPOINT',
  'RECORDINGS_DELETION',
  'INVOICE',
] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

export function isAuditEventType(value: string): value is AuditEventType {
  return (AUDIT_EVENT_TYPES as readonly string[]).includes(value);
}

/** A JSON value as entries hold it. */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One field's change: `before` absent for something new, `after` absent for something gone. */
export interface FieldChange {
  before?: JsonValue;
  after?: JsonValue;
}

/** Changed fields by name. */
export type Changes = Record<string, FieldChange>;

/** Shown instead of a secret's value: that it changed is recorded, never what it is. */
export const REDACTED = '[REDACTED]';

/** What the filters of the list and the export select; every part optional. */
export interface AuditFilter {
  actorAccountId?: string | null;
  apiKeyId?: string | null;
  types?: readonly AuditEventType[] | null;
  since?: Date | null;
  until?: Date | null;
}

/** Where a chain stood when an export began: what it starts after, and its last entry. */
export interface ChainEnds {
  anchor: { sequence: number; hash: string };
  head: { sequence: number; hash: string };
}
