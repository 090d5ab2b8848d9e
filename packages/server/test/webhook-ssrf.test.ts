import type { AtriumServer } from '../src/app';
import type { LocalDns } from './support/dns';
import { errorCode } from './support/graphql';
import { eventually } from './support/jobs';
import { seedOrganization, uniqueDomain } from './support/organizations';
import { startTestServerWithDns } from './support/server';
import {
  CreateWebhookEndpoint,
  SendTestWebhook,
  UpdateWebhookEndpoint,
  WebhookDeliveries,
} from './support/webhook-documents';
import { WebhookReceiver } from './support/webhook-receiver';

/**
 * In production (NODE_ENV=production): https only, and never a loopback, private, link-local,
 * CGNAT or metadata address, whether written in the URL or answered by DNS (a local DNS server
 * stands in for an attacker's, through DNS_SERVERS). The receiver on 127.0.0.1 must never hear
 * a thing.
 */
let atrium: AtriumServer;
let dns: LocalDns;
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await WebhookReceiver.start();
  ({ atrium, dns } = await startTestServerWithDns({ NODE_ENV: 'production' }));
});

afterAll(async () => {
  await atrium.close();
  await receiver.close();
});

async function owner() {
  const org = await seedOrganization(atrium).member('owner', 'OWNER').build();
  return { org, actor: org.people.owner.actor };
}

const LITERALS = [
  '127.0.0.1',
  '[::1]',
  '10.0.0.1',
  '172.16.0.1',
  '192.168.1.1',
  '169.254.169.254',
  '100.64.0.1',
  '[::ffff:169.254.169.254]',
  '[fd00:ec2::254]',
  'localhost',
];

it.each(LITERALS)('refuses https://%s/ when the endpoint is created or changed', async (host) => {
  const { org, actor } = await owner();
  const created = await actor.execute(CreateWebhookEndpoint, {
    input: { organizationId: org.id, url: `https://${host}/hook`, eventTypes: ['call.completed'] },
  });
  expect(created.errors?.[0].extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    reasons: { url: 'WEBHOOK_URL_PRIVATE' },
  });
  const ok = await actor.run(CreateWebhookEndpoint, {
    input: {
      organizationId: org.id,
      url: 'https://hooks.example.com/in',
      eventTypes: ['call.completed'],
    },
  });
  const changed = await actor.execute(UpdateWebhookEndpoint, {
    id: ok.createWebhookEndpoint.endpoint.id,
    input: { url: `https://${host}/hook` },
  });
  expect(errorCode(changed)).toBe('BAD_USER_INPUT');
});

it('refuses http:// in production', async () => {
  const { org, actor } = await owner();
  const created = await actor.execute(CreateWebhookEndpoint, {
    input: {
      organizationId: org.id,
      url: 'http://hooks.example.com/in',
      eventTypes: ['call.completed'],
    },
  });
  expect(created.errors?.[0].extensions?.reasons).toEqual({ url: 'WEBHOOK_URL_HTTPS_REQUIRED' });
});

it.each([
  ['loopback', '127.0.0.1'],
  ['a private network', '10.20.30.40'],
  ['the metadata address', '169.254.169.254'],
  ['IPv6 loopback', '::1'],
  ['an IPv6 unique local address', 'fd12:3456::1'],
])('refuses, when connecting, a name that resolves to %s', async (_what, address) => {
  const name = uniqueDomain('rebind');
  dns.publishAddress(name, address);
  const { org, actor } = await owner();
  // The name looks public when the endpoint is made; only its address says otherwise.
  const port = new URL(receiver.url).port;
  const created = await actor.run(CreateWebhookEndpoint, {
    input: {
      organizationId: org.id,
      url: `https://${name}:${port}/hook`,
      eventTypes: ['call.completed'],
    },
  });
  const endpointId = created.createWebhookEndpoint.endpoint.id;
  await actor.run(SendTestWebhook, { id: endpointId });
  const delivery = await eventually('the attempt to be refused', async () => {
    const data = await actor.run(WebhookDeliveries, { id: endpointId });
    const node = data.webhookEndpoint?.deliveries.edges[0]?.node;
    return node?.status === 'FAILED' && node;
  });
  expect(delivery.attempts[0]).toMatchObject({ responseStatus: null, manual: true });
  expect(delivery.attempts[0].error).toBe(
    `refused: ${name} resolves to ${address}, not a public address`,
  );
  expect(receiver.received).toEqual([]);
});
