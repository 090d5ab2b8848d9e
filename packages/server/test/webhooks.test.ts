import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Webhook } from 'standardwebhooks';
import type { AtriumServer } from '../src/app';
import { WebhookDeliveryEntity } from '../src/modules/webhook/webhook-delivery.entity';
import { WebhookEndpointEntity } from '../src/modules/webhook/webhook-endpoint.entity';
import { WebhookEventEntity } from '../src/modules/webhook/webhook-event.entity';
import { pruneWebhookLog } from '../src/modules/webhook/webhook-prune.job';
import { SecurityEventEntity } from '../src/modules/security-events/security-event.entity';
import { SessionEntity } from '../src/modules/session/session.entity';
import { CreateApiKey } from './support/api-key-documents';
import { Actor, errorCode, type GraphQLResult } from './support/graphql';
import { eventually } from './support/jobs';
import { InviteTeamMember, UpdateOrganization } from './support/organization-documents';
import { seedOrganization, type SeededOrganization } from './support/organizations';
import { startTestServer, uniqueEmail } from './support/server';
import { SmtpInbox } from './support/smtp';
import {
  CreateWebhookEndpoint,
  OrganizationWebhookEndpoints,
  PublishEvent,
  RecoverWebhookEndpoint,
  RedeliverWebhook,
  RevealWebhookSecret,
  RotateWebhookSecret,
  SendTestWebhook,
  UpdateWebhookEndpoint,
  WebhookDeliveries,
  WebhookEventTypes,
} from './support/webhook-documents';
import { WebhookReceiver, type ReceivedWebhook } from './support/webhook-receiver';

/**
 * Webhooks against a real local receiver: Standard Webhooks signatures checked with the
 * `standardwebhooks` package, retries on a compressed schedule, 410, Retry-After, rotation,
 * idempotent publishing, Atrium's own events, the log, redelivery, recovery and health.
 */
let atrium: AtriumServer;
let receiver: WebhookReceiver;
let inbox: SmtpInbox;

beforeAll(async () => {
  inbox = await SmtpInbox.start();
  receiver = await WebhookReceiver.start();
  atrium = await startTestServer({
    WEBHOOK_RETRY_SCHEDULE: '0,300ms,300ms',
    SMTP_URL: inbox.url,
    OUTBOX_DIR: mkdtempSync(path.join(tmpdir(), 'atrium-webhook-outbox-')),
  });
});

afterAll(async () => {
  await atrium.close();
  await receiver.close();
  await inbox.close();
});

let paths = 0;

interface Setup {
  org: SeededOrganization;
  owner: Actor;
  tool: Actor;
  endpointId: string;
  secret: string;
  /** The receiver path of this test's endpoint. */
  path: string;
}

/** An organization with an endpoint at a path of its own, and a key that may publish. */
async function setUp(eventTypes = ['call.completed', 'organization.updated', 'member.invited']) {
  const org = await seedOrganization(atrium).member('owner', 'OWNER').build();
  const owner = org.people.owner.actor;
  paths += 1;
  const endpointPath = `/hooks/${paths}`;
  const created = await owner.run(CreateWebhookEndpoint, {
    input: {
      organizationId: org.id,
      url: `${receiver.url}${endpointPath}`,
      description: 'Test receiver',
      eventTypes,
    },
  });
  const key = await owner.run(CreateApiKey, {
    input: {
      organizationId: org.id,
      name: 'Publisher',
      scopes: ['EVENTS_PUBLISH', 'WEBHOOKS_WRITE'],
    },
  });
  return {
    org,
    owner,
    tool: new Actor(atrium.url).withToken(key.createApiKey.secret),
    endpointId: created.createWebhookEndpoint.endpoint.id,
    secret: created.createWebhookEndpoint.secret,
    path: endpointPath,
  } satisfies Setup;
}

function verify(secret: string, request: ReceivedWebhook): Record<string, unknown> {
  return new Webhook(secret).verify(
    request.body,
    request.headers as Record<string, string>,
  ) as Record<string, unknown>;
}

function reasons(result: GraphQLResult<unknown>): Record<string, string> {
  expect(errorCode(result)).toBe('BAD_USER_INPUT');
  return (result.errors?.[0].extensions?.reasons ?? {}) as Record<string, string>;
}

async function deliveries(actor: Actor, endpointId: string) {
  const data = await actor.run(WebhookDeliveries, { id: endpointId, first: 50 });
  return data.webhookEndpoint?.deliveries.edges.map((edge) => edge.node) ?? [];
}

const call = (n: number) => ({ callId: `call_${n}`, durationSeconds: 60 + n, outcome: 'ANSWERED' });

describe('endpoints', () => {
  it('come with a whsec_ secret that is sealed at rest and never a field', async () => {
    const { org, owner, endpointId, secret } = await setUp();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    const row = await atrium.dataSource
      .getRepository(WebhookEndpointEntity)
      .findOneByOrFail({ id: endpointId });
    expect(row.secretSealed).not.toContain(secret.slice(6, 20));
    const listed = await owner.run(OrganizationWebhookEndpoints, { id: org.id });
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect(listed.organization?.webhookEndpoints[0]).toMatchObject({
      enabled: true,
      failureStreak: 0,
    });
    expect((await owner.run(RevealWebhookSecret, { id: endpointId })).revealWebhookSecret).toBe(
      secret,
    );
  });

  it('refuse a bad URL and unknown event types, naming the field', async () => {
    const org = await seedOrganization(atrium).member('owner', 'OWNER').build();
    const owner = org.people.owner.actor;
    const create = (url: string, eventTypes: string[]) =>
      owner.execute(CreateWebhookEndpoint, { input: { organizationId: org.id, url, eventTypes } });
    expect(reasons(await create('ftp://example.com/x', ['call.completed']))).toEqual({
      url: 'WEBHOOK_URL_INVALID',
    });
    expect(reasons(await create('https://user:pw@example.com/', ['call.completed']))).toEqual({
      url: 'WEBHOOK_URL_INVALID',
    });
    expect(reasons(await create('https://example.com/', ['call.started']))).toEqual({
      eventTypes: 'WEBHOOK_EVENT_TYPE_UNKNOWN',
    });
    expect(reasons(await create('https://example.com/', []))).toEqual({
      eventTypes: 'WEBHOOK_EVENT_TYPES_REQUIRED',
    });
  });

  it('list the event catalog with descriptions and example payloads', async () => {
    const org = await seedOrganization(atrium).member('owner', 'OWNER').build();
    const { webhookEventTypes } = await org.people.owner.actor.run(WebhookEventTypes, {});
    expect(webhookEventTypes.map((type) => type.name)).toEqual([
      'call.completed',
      'campaign.status_changed',
      'contact.updated',
      'callback.scheduled',
      'organization.updated',
      'member.invited',
      'member.joined',
      'member.role_changed',
      'member.removed',
      'api_key.created',
      'api_key.rolled',
      'api_key.revoked',
      'plan.changed',
      'recordings.deletion_requested',
    ]);
    for (const type of webhookEventTypes) {
      expect(type.description.length).toBeGreaterThan(10);
      expect(type.examplePayload).toMatchObject({ type: type.name, data: expect.any(Object) });
    }
    expect(webhookEventTypes.filter((type) => type.publishable)).toHaveLength(4);
  });
});

describe('delivery', () => {
  it('signs per Standard Webhooks; the payload has type, timestamp, data and a sequence', async () => {
    const { tool, secret, path: at, endpointId, owner } = await setUp();
    const published = await tool.run(PublishEvent, {
      input: { type: 'call.completed', data: call(1) },
    });
    const second = await tool.run(PublishEvent, {
      input: { type: 'call.completed', data: call(2) },
    });
    const received = await receiver.waitFor(2, at);
    const payloads = received.map((request) => verify(secret, request));
    expect(payloads.map((p) => p.sequence).sort()).toEqual([1, 2]);
    const first = payloads.find((p) => p.sequence === 1);
    expect(first).toEqual({
      type: 'call.completed',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      data: call(1),
      sequence: 1,
    });
    const byId = new Map(received.map((r) => [r.headers['webhook-id'], r]));
    expect([...byId.keys()].sort()).toEqual(
      [published.publishEvent.id, second.publishEvent.id].sort(),
    );
    expect(received[0].headers['content-type']).toBe('application/json');
    // Tampering breaks the signature.
    expect(() =>
      verify(secret, { ...received[0], body: received[0].body.replace('ANSWERED', 'MISSED') }),
    ).toThrow();

    const log = await eventually('both deliveries to succeed', async () => {
      const list = await deliveries(owner, endpointId);
      return list.every((d) => d.status === 'SUCCEEDED') && list.length === 2 && list;
    });
    expect(log.map((d) => d.sequence)).toEqual([2, 1]);
    expect(log[1]).toMatchObject({
      eventId: published.publishEvent.id,
      attemptCount: 1,
      lastResponseStatus: 200,
    });
    expect(JSON.parse(log[1].payload)).toEqual(first);
    const headers = Object.fromEntries(
      log[1].attempts[0].requestHeaders.map((h) => [h.name, h.value]),
    );
    expect(headers['webhook-id']).toBe(published.publishEvent.id);
    expect(headers['webhook-signature']).toMatch(/^v1,/);
    expect(log[1].attempts[0].responseBody).toBe('ok');
  });

  it('retries on the schedule under the same webhook-id, with the log of every attempt', async () => {
    const { tool, secret, path: at, endpointId, owner } = await setUp();
    receiver.answer((request, _n) =>
      request.path === at && receiver.at(at).length < 2
        ? { status: 500, body: 'x'.repeat(5000) }
        : { status: 200, body: 'ok' },
    );
    try {
      const { publishEvent } = await tool.run(PublishEvent, {
        input: { type: 'call.completed', data: call(3) },
      });
      const received = await receiver.waitFor(3, at);
      expect(new Set(received.map((r) => r.headers['webhook-id']))).toEqual(
        new Set([publishEvent.id]),
      );
      for (const request of received)
        expect(verify(secret, request)).toMatchObject({ data: call(3) });
      // Each attempt is signed anew, over the same body.
      expect(new Set(received.map((r) => r.body)).size).toBe(1);
      expect(received[1].at - received[0].at).toBeGreaterThanOrEqual(250);
      const [delivery] = await eventually('the delivery to succeed', async () => {
        const list = await deliveries(owner, endpointId);
        return list[0]?.status === 'SUCCEEDED' && list;
      });
      expect(delivery.attemptCount).toBe(3);
      expect(delivery.attempts.map((a) => a.responseStatus)).toEqual([200, 500, 500]);
      expect(delivery.attempts[1].responseBody).toHaveLength(4096);
      expect(delivery.attempts[1].error).toBe('answered 500');
    } finally {
      receiver.answer(() => ({ status: 200, body: 'ok' }));
    }
  });

  it('gives up when the schedule runs out, and keeps the endpoint’s failure streak', async () => {
    const { tool, path: at, endpointId, owner, org } = await setUp();
    receiver.answer((request) => (request.path === at ? { status: 502 } : { status: 200 }));
    try {
      await tool.run(PublishEvent, { input: { type: 'call.completed', data: call(4) } });
      await receiver.waitFor(3, at);
      const [delivery] = await eventually('the delivery to fail', async () => {
        const list = await deliveries(owner, endpointId);
        return list[0]?.status === 'FAILED' && list;
      });
      expect(delivery).toMatchObject({
        attemptCount: 3,
        nextAttemptAt: null,
        lastResponseStatus: 502,
      });
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(receiver.at(at)).toHaveLength(3);
      const [endpoint] = (await owner.run(OrganizationWebhookEndpoints, { id: org.id }))
        .organization!.webhookEndpoints;
      expect(endpoint).toMatchObject({
        enabled: true,
        failureStreak: 3,
        failingSince: expect.any(String),
      });
    } finally {
      receiver.answer(() => ({ status: 200, body: 'ok' }));
    }
  });

  it('turns the endpoint off on 410 Gone and tells the admins', async () => {
    const { tool, path: at, endpointId, owner, org } = await setUp();
    receiver.answer((request) => (request.path === at ? { status: 410 } : { status: 200 }));
    try {
      await tool.run(PublishEvent, { input: { type: 'call.completed', data: call(5) } });
      await receiver.waitFor(1, at);
      const [endpoint] = await eventually('the endpoint to be off', async () => {
        const list = (await owner.run(OrganizationWebhookEndpoints, { id: org.id })).organization!
          .webhookEndpoints;
        return !list[0].enabled && list;
      });
      expect(endpoint.disabledReason).toBe('GONE');
      await inbox.waitFor(org.people.owner.email, /webhook endpoint .* was turned off/);
      const [delivery] = await deliveries(owner, endpointId);
      expect(delivery).toMatchObject({ status: 'FAILED', attemptCount: 1 });
      // Nothing more goes to it.
      await tool.run(PublishEvent, { input: { type: 'call.completed', data: call(6) } });
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(receiver.at(at)).toHaveLength(1);
    } finally {
      receiver.answer(() => ({ status: 200, body: 'ok' }));
    }
  });

  it('waits as long as a 503’s Retry-After says, not the schedule', async () => {
    const local = await startTestServer({ WEBHOOK_RETRY_SCHEDULE: '0,1h' });
    try {
      const org = await seedOrganization(local).member('owner', 'OWNER').build();
      const owner = org.people.owner.actor;
      const at = '/retry-after';
      await owner.run(CreateWebhookEndpoint, {
        input: {
          organizationId: org.id,
          url: `${receiver.url}${at}`,
          eventTypes: ['organization.updated'],
        },
      });
      receiver.answer((request) =>
        request.path === at && receiver.at(at).length === 0
          ? { status: 503, headers: { 'retry-after': '1' } }
          : { status: 200 },
      );
      await owner.run(UpdateOrganization, { id: org.id, input: { name: 'Retry After Inc' } });
      const [first, second] = await receiver.waitFor(2, at, 10_000);
      expect(second.at - first.at).toBeGreaterThanOrEqual(900);
      expect(second.at - first.at).toBeLessThan(5000);
      expect(second.headers['webhook-id']).toBe(first.headers['webhook-id']);
    } finally {
      receiver.answer(() => ({ status: 200, body: 'ok' }));
      await local.close();
    }
  });

  it('never follows a redirect', async () => {
    const { tool, path: at, endpointId, owner } = await setUp();
    receiver.answer((request) =>
      request.path === at
        ? { status: 302, headers: { location: `${receiver.url}/elsewhere` } }
        : { status: 200 },
    );
    try {
      await tool.run(PublishEvent, { input: { type: 'call.completed', data: call(7) } });
      await receiver.waitFor(3, at);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(receiver.at('/elsewhere')).toEqual([]);
      const [delivery] = await deliveries(owner, endpointId);
      expect(delivery.attempts[0]).toMatchObject({
        responseStatus: 302,
        error: 'answered 302: redirects are not followed',
      });
    } finally {
      receiver.answer(() => ({ status: 200, body: 'ok' }));
    }
  });
});

describe('the secret', () => {
  it('rotated, signs with both secrets for a day', async () => {
    const { tool, owner, secret, path: at, endpointId, org } = await setUp();
    const { rotateWebhookSecret: next } = await owner.run(RotateWebhookSecret, { id: endpointId });
    expect(next).toMatch(/^whsec_/);
    expect(next).not.toBe(secret);
    await tool.run(PublishEvent, { input: { type: 'call.completed', data: call(8) } });
    const [request] = await receiver.waitFor(1, at);
    const signatures = String(request.headers['webhook-signature']).split(' ');
    expect(signatures).toHaveLength(2);
    expect(signatures.every((s) => s.startsWith('v1,'))).toBe(true);
    expect(verify(next, request)).toMatchObject({ data: call(8) });
    expect(verify(secret, request)).toMatchObject({ data: call(8) });
    const [endpoint] = (await owner.run(OrganizationWebhookEndpoints, { id: org.id })).organization!
      .webhookEndpoints;
    const overlapHours = (Date.parse(endpoint.previousSecretExpiresAt!) - Date.now()) / 3_600_000;
    expect(overlapHours).toBeGreaterThan(23.9);
    expect(overlapHours).toBeLessThanOrEqual(24);
    expect((await owner.run(RevealWebhookSecret, { id: endpointId })).revealWebhookSecret).toBe(
      next,
    );
  });

  it('is revealed to people only, in sudo mode, and the reveal is on their timeline', async () => {
    const { tool, owner, endpointId, org } = await setUp();
    expect(errorCode(await tool.execute(RevealWebhookSecret, { id: endpointId }))).toBe(
      'FORBIDDEN',
    );
    await owner.run(RevealWebhookSecret, { id: endpointId });
    const timeline = await atrium.dataSource.getRepository(SecurityEventEntity).find({
      where: { accountId: org.people.owner.accountId },
      order: { id: 'ASC' },
    });
    expect(timeline.map((entry) => entry.type)).toEqual(
      expect.arrayContaining(['WEBHOOK_ENDPOINT_CREATED', 'WEBHOOK_SECRET_REVEALED']),
    );
    await atrium.dataSource
      .getRepository(SessionEntity)
      .update({ accountId: org.people.owner.accountId }, { reauthenticatedAt: new Date(0) });
    expect(errorCode(await owner.execute(RevealWebhookSecret, { id: endpointId }))).toBe(
      'REAUTHENTICATION_REQUIRED',
    );
    expect(errorCode(await owner.execute(RotateWebhookSecret, { id: endpointId }))).toBe(
      'REAUTHENTICATION_REQUIRED',
    );
    // A key with WEBHOOKS_WRITE rotates without a person's sudo mode.
    expect((await tool.run(RotateWebhookSecret, { id: endpointId })).rotateWebhookSecret).toMatch(
      /^whsec_/,
    );
  });
});

describe('publishEvent', () => {
  it('answers the first event for the same idempotency key, even to ten calls at once', async () => {
    const { tool, path: at } = await setUp();
    const key = `call-9-${Date.now()}`;
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        tool.run(PublishEvent, {
          input: { type: 'call.completed', data: call(9), idempotencyKey: key },
        }),
      ),
    );
    expect(new Set(results.map((r) => r.publishEvent.id)).size).toBe(1);
    await receiver.waitFor(1, at);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(receiver.at(at)).toHaveLength(1);
    const other = await tool.execute(PublishEvent, {
      input: { type: 'call.completed', data: call(10), idempotencyKey: key },
    });
    expect(other.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'WEBHOOK_IDEMPOTENCY_KEY_REUSED',
    });
  });

  it('takes a key again after 24 hours', async () => {
    const { tool, org } = await setUp();
    const key = `old-${Date.now()}`;
    const first = await tool.run(PublishEvent, {
      input: { type: 'call.completed', data: call(11), idempotencyKey: key },
    });
    await atrium.dataSource
      .getRepository(WebhookEventEntity)
      .update({ id: first.publishEvent.id }, { createdAt: new Date(Date.now() - 25 * 3_600_000) });
    const again = await tool.run(PublishEvent, {
      input: { type: 'call.completed', data: call(12), idempotencyKey: key },
    });
    expect(again.publishEvent.id).not.toBe(first.publishEvent.id);
    expect(
      await atrium.dataSource.getRepository(WebhookEventEntity).countBy({ organizationId: org.id }),
    ).toBe(2);
  });

  it('refuses what is not a product event, data over 64 KB, and people', async () => {
    const { tool, owner } = await setUp();
    expect(
      reasons(await tool.execute(PublishEvent, { input: { type: 'member.joined', data: {} } })),
    ).toEqual({
      type: 'WEBHOOK_EVENT_TYPE_NOT_PUBLISHABLE',
    });
    expect(
      reasons(await tool.execute(PublishEvent, { input: { type: 'call.started', data: {} } })),
    ).toEqual({
      type: 'WEBHOOK_EVENT_TYPE_UNKNOWN',
    });
    const big = { notes: 'x'.repeat(65_535) };
    expect(
      reasons(await tool.execute(PublishEvent, { input: { type: 'call.completed', data: big } })),
    ).toEqual({
      data: 'WEBHOOK_EVENT_DATA_TOO_LARGE',
    });
    const fits = { notes: 'x'.repeat(65_535 - 12) };
    expect(JSON.stringify(fits)).toHaveLength(65_535);
    expect(
      (await tool.execute(PublishEvent, { input: { type: 'call.completed', data: fits } })).errors,
    ).toBeUndefined();
    const lines = { transcript: 'Hello\nIs this Ana?\u202e' };
    expect(
      (await tool.execute(PublishEvent, { input: { type: 'call.completed', data: lines } })).errors,
    ).toBeUndefined();
    expect(
      errorCode(await owner.execute(PublishEvent, { input: { type: 'call.completed', data: {} } })),
    ).toBe('FORBIDDEN');
  });
});

describe('Atrium’s own events', () => {
  it('go out in the transaction of the change: organization.updated and member.invited', async () => {
    const { owner, org, secret, path: at } = await setUp();
    await owner.run(UpdateOrganization, { id: org.id, input: { name: 'Renamed by webhook test' } });
    const email = uniqueEmail('hooked');
    await owner.run(InviteTeamMember, { input: { organizationId: org.id, email, role: 'MEMBER' } });
    const received = await receiver.waitFor(2, at);
    const payloads = received
      .map((request) => verify(secret, request))
      .sort((a, b) => Number(a.sequence) - Number(b.sequence));
    expect(payloads[0]).toMatchObject({
      type: 'organization.updated',
      data: {
        organization: { id: org.id, name: 'Renamed by webhook test' },
        changedFields: ['name'],
      },
    });
    expect(payloads[1]).toMatchObject({
      type: 'member.invited',
      data: { invitation: { email, role: 'MEMBER' }, resent: false },
    });
  });

  it('are not even recorded when no endpoint wants them', async () => {
    const { owner, org } = await setUp(['call.completed']);
    await owner.run(UpdateOrganization, { id: org.id, input: { name: 'Nobody listens' } });
    expect(
      await atrium.dataSource.getRepository(WebhookEventEntity).countBy({ organizationId: org.id }),
    ).toBe(0);
  });
});

describe('by hand', () => {
  it('sends a test event, and redelivers a delivery under its webhook-id', async () => {
    const { owner, secret, path: at, endpointId } = await setUp();
    const { sendTestWebhook } = await owner.run(SendTestWebhook, { id: endpointId });
    expect(sendTestWebhook).toMatchObject({ eventType: 'webhook.test', status: 'PENDING' });
    const [test] = await receiver.waitFor(1, at);
    expect(verify(secret, test)).toMatchObject({ type: 'webhook.test', data: { endpointId } });
    await eventually(
      'the test to succeed',
      async () => (await deliveries(owner, endpointId))[0]?.status === 'SUCCEEDED',
    );
    const { redeliverWebhook } = await owner.run(RedeliverWebhook, {
      deliveryId: sendTestWebhook.id,
    });
    expect(redeliverWebhook.status).toBe('PENDING');
    const [, again] = await receiver.waitFor(2, at);
    expect(again.headers['webhook-id']).toBe(test.headers['webhook-id']);
    const [delivery] = await eventually('the redelivery to be logged', async () => {
      const list = await deliveries(owner, endpointId);
      return list[0]?.attemptCount === 2 && list[0].status === 'SUCCEEDED' && list;
    });
    expect(delivery.attempts.map((a) => a.manual)).toEqual([true, true]);
  });

  it('recovers an endpoint: back on, and what failed since then delivered', async () => {
    const { owner, tool, path: at, endpointId } = await setUp();
    receiver.answer((request) => (request.path === at ? { status: 500 } : { status: 200 }));
    const since = new Date(Date.now() - 1000).toISOString();
    try {
      for (const n of [20, 21, 22]) {
        await tool.run(PublishEvent, { input: { type: 'call.completed', data: call(n) } });
      }
      await eventually('three failed deliveries', async () => {
        const list = await deliveries(owner, endpointId);
        return list.length === 3 && list.every((d) => d.status === 'FAILED');
      });
      await owner.run(UpdateWebhookEndpoint, { id: endpointId, input: { enabled: false } });
    } finally {
      receiver.answer(() => ({ status: 200, body: 'ok' }));
    }
    const before = receiver.at(at).length;
    const { recoverWebhookEndpoint } = await owner.run(RecoverWebhookEndpoint, {
      id: endpointId,
      since,
    });
    expect(recoverWebhookEndpoint).toMatchObject({
      redelivered: 3,
      endpoint: { enabled: true, disabledReason: null, failureStreak: 0 },
    });
    const received = await receiver.waitFor(before + 3, at);
    const recovered = received.slice(before).filter((r) => r.status === 200);
    expect(recovered).toHaveLength(3);
    await eventually('all three to succeed', async () =>
      (await deliveries(owner, endpointId)).every((d) => d.status === 'SUCCEEDED'),
    );
    const tooOld = await owner.execute(RecoverWebhookEndpoint, {
      id: endpointId,
      since: new Date(Date.now() - 31 * 86_400_000).toISOString(),
    });
    expect(reasons(tooOld)).toEqual({ since: 'WEBHOOK_RECOVER_SINCE_INVALID' });
  });
});

describe('health', () => {
  it('warns the admins after a day of failures and turns the endpoint off after five', async () => {
    const { tool, path: at, endpointId, org } = await setUp();
    const endpoints = atrium.dataSource.getRepository(WebhookEndpointEntity);
    receiver.answer((request) => (request.path === at ? { status: 500 } : { status: 200 }));
    try {
      await endpoints.update(
        { id: endpointId },
        { failingSince: new Date(Date.now() - 25 * 3_600_000), failureStreak: 40 },
      );
      await tool.run(PublishEvent, { input: { type: 'call.completed', data: call(30) } });
      await inbox.waitFor(org.people.owner.email, /webhook endpoint .* is failing/, 10_000);
      expect((await endpoints.findOneByOrFail({ id: endpointId })).enabled).toBe(true);
      await endpoints.update(
        { id: endpointId },
        { failingSince: new Date(Date.now() - 5 * 86_400_000 - 1000) },
      );
      await tool.run(PublishEvent, { input: { type: 'call.completed', data: call(31) } });
      const mail = await inbox.waitFor(org.people.owner.email, /was turned off/, 10_000);
      expect(mail.text).toContain('every delivery to it failed for 5 days');
      expect(mail.text).toContain(`/settings/webhooks/${org.id}`);
      expect(await endpoints.findOneByOrFail({ id: endpointId })).toMatchObject({
        enabled: false,
        disabledReason: 'FAILING',
      });
      // One warning per streak.
      expect(
        inbox.mailsTo(org.people.owner.email).filter((m) => /is failing/.test(m.subject)),
      ).toHaveLength(1);
    } finally {
      receiver.answer(() => ({ status: 200, body: 'ok' }));
    }
  });
});

describe('pruning', () => {
  it('deletes finished deliveries and their events after 30 days', async () => {
    const { tool, owner, endpointId, path: at } = await setUp();
    await tool.run(PublishEvent, { input: { type: 'call.completed', data: call(40) } });
    await tool.run(PublishEvent, { input: { type: 'call.completed', data: call(41) } });
    await receiver.waitFor(2, at);
    const list = await eventually('both to succeed', async () => {
      const found = await deliveries(owner, endpointId);
      return found.length === 2 && found.every((d) => d.status === 'SUCCEEDED') && found;
    });
    const old = new Date(Date.now() - 31 * 86_400_000);
    await atrium.dataSource
      .getRepository(WebhookDeliveryEntity)
      .update({ id: list[1].id }, { createdAt: old });
    await atrium.dataSource
      .getRepository(WebhookEventEntity)
      .update({ id: list[1].eventId }, { createdAt: old });
    const pruned = await pruneWebhookLog(atrium.dataSource);
    expect(pruned.deliveries).toBeGreaterThanOrEqual(1);
    expect((await deliveries(owner, endpointId)).map((d) => d.id)).toEqual([list[0].id]);
    expect(
      await atrium.dataSource.getRepository(WebhookEventEntity).findOneBy({ id: list[1].eventId }),
    ).toBeNull();
  });
});
