/**
 * The event catalog: every type an endpoint can subscribe to, what it means and an example of
 * its `data`. The product's events are published by internal tools (publishEvent); Atrium's
 * own come from its domain events (webhook-sources.ts).
 */
export interface WebhookEventTypeInfo {
  name: string;
  description: string;
  /** Published through publishEvent (an API key with EVENTS_PUBLISH); else Atrium's own. */
  publishable: boolean;
  exampleData: Record<string, unknown>;
}

const ORGANIZATION_ID = '01938f6e-4b1a-7c3e-9d2f-5a6b7c8d9e0f';
const MEMBER = {
  id: '01938f6e-5c2b-7d4f-8e3a-6b7c8d9e0f1a',
  accountId: '01938f6e-6d3c-7e5a-9f4b-7c8d9e0f1a2b',
  role: 'MEMBER',
  fullName: 'Ana García',
  email: 'ana@example.com',
};
const API_KEY = {
  id: '01938f6e-7e4d-7f6b-8a5c-8d9e0f1a2b3c',
  name: 'Billing sync',
  prefix: 'atr_live_8f3k',
  scopes: ['ORGANIZATION_READ', 'BILLING_WRITE'],
  expiresAt: null,
};

export const WEBHOOK_EVENT_TYPES: readonly WebhookEventTypeInfo[] = [
  {
    name: 'call.completed',
    description: 'A call ended: its outcome, duration and whether a recording is kept',
    publishable: true,
    exampleData: {
      callId: 'call_7Hq2x',
      campaignId: 'cmp_81Kd',
      contactId: 'ct_55Pz',
      direction: 'OUTBOUND',
      outcome: 'ANSWERED',
      durationSeconds: 184,
      recordingAvailable: true,
      endedAt: '2026-01-15T10:04:12.000Z',
    },
  },
  {
    name: 'campaign.status_changed',
    description: 'A campaign started, paused, resumed or finished',
    publishable: true,
    exampleData: {
      campaignId: 'cmp_81Kd',
      name: 'January renewals',
      previousStatus: 'RUNNING',
      status: 'PAUSED',
      changedAt: '2026-01-15T11:30:00.000Z',
    },
  },
  {
    name: 'contact.updated',
    description: 'A contact’s details changed; changedFields names which',
    publishable: true,
    exampleData: {
      contactId: 'ct_55Pz',
      changedFields: ['phone', 'tags'],
      updatedAt: '2026-01-15T09:12:45.000Z',
    },
  },
  {
    name: 'callback.scheduled',
    description: 'A contact asked to be called back at a time',
    publishable: true,
    exampleData: {
      callbackId: 'cb_19Fs',
      contactId: 'ct_55Pz',
      scheduledFor: '2026-01-16T15:00:00.000Z',
      assignedToAccountId: MEMBER.accountId,
      note: 'Prefers afternoons',
    },
  },
  {
    name: 'organization.updated',
    description: 'The organization’s name, industry or website changed',
    publishable: false,
    exampleData: {
      organization: {
        id: ORGANIZATION_ID,
        name: 'Clínica Sonrisa',
        industry: 'DENTAL',
        website: 'https://sonrisa.example.com',
      },
      changedFields: ['name'],
    },
  },
  {
    name: 'member.invited',
    description: 'Someone was invited to the team (or an invitation was sent again)',
    publishable: false,
    exampleData: {
      invitation: {
        id: '01938f6e-8f5e-7a7c-9b6d-9e0f1a2b3c4d',
        email: 'luis@example.com',
        role: 'MEMBER',
        expiresAt: '2026-01-22T10:00:00.000Z',
      },
      resent: false,
    },
  },
  {
    name: 'member.joined',
    description: 'Someone accepted an invitation and joined the team',
    publishable: false,
    exampleData: { member: MEMBER },
  },
  {
    name: 'member.role_changed',
    description: 'A member’s role changed (also both sides of a transfer of ownership)',
    publishable: false,
    exampleData: { member: { ...MEMBER, role: 'ADMIN' }, previousRole: 'MEMBER' },
  },
  {
    name: 'member.removed',
    description: 'A member was removed from the team, or left it (left is then true)',
    publishable: false,
    exampleData: { member: MEMBER, left: false },
  },
  {
    name: 'api_key.created',
    description: 'An API key was created (never with its secret)',
    publishable: false,
    exampleData: { apiKey: API_KEY },
  },
  {
    name: 'api_key.rolled',
    description: 'An API key got a new secret; the old one works for gracePeriodSeconds more',
    publishable: false,
    exampleData: { apiKey: API_KEY, gracePeriodSeconds: 86400 },
  },
  {
    name: 'api_key.revoked',
    description: 'An API key was revoked and is refused from now on',
    publishable: false,
    exampleData: { apiKey: API_KEY },
  },
  {
    name: 'plan.changed',
    description: 'The organization moved to another plan',
    publishable: false,
    exampleData: { previousPlan: 'PROFESSIONAL', plan: 'DENTAL' },
  },
  {
    name: 'recordings.deletion_requested',
    description: 'Someone asked for the organization’s call recordings to be deleted',
    publishable: false,
    exampleData: {
      requestId: '01938f6e-9a6f-7b8d-8c7e-0f1a2b3c4d5e',
      requestedByAccountId: MEMBER.accountId,
      requestedAt: '2026-01-15T12:00:00.000Z',
    },
  },
];

/** The type of the event sendTestWebhook sends; delivered whatever the endpoint subscribes to. */
export const TEST_EVENT_TYPE = 'webhook.test';

const BY_NAME = new Map(WEBHOOK_EVENT_TYPES.map((type) => [type.name, type]));

export function isWebhookEventType(name: string): boolean {
  return BY_NAME.has(name);
}

export function isPublishableEventType(name: string): boolean {
  return BY_NAME.get(name)?.publishable === true;
}

/** The body an endpoint receives for an event: `{type, timestamp, data, sequence}`. */
export function examplePayload(type: WebhookEventTypeInfo): Record<string, unknown> {
  return {
    type: type.name,
    timestamp: '2026-01-15T10:04:13.120Z',
    data: type.exampleData,
    sequence: 42,
  };
}
