import { typed } from './graphql';

export interface WebhookEndpointFields {
  id: string;
  url: string;
  description: string;
  eventTypes: string[];
  enabled: boolean;
  disabledReason: 'MANUAL' | 'GONE' | 'FAILING' | null;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  failureStreak: number;
  failingSince: string | null;
  previousSecretExpiresAt: string | null;
}

const ENDPOINT =
  'id url description eventTypes enabled disabledReason lastSuccessAt lastFailureAt failureStreak failingSince previousSecretExpiresAt';

export interface WebhookDeliveryFields {
  id: string;
  eventId: string;
  eventType: string;
  sequence: number;
  status: 'PENDING' | 'SUCCEEDED' | 'FAILED';
  attemptCount: number;
  lastResponseStatus: number | null;
  nextAttemptAt: string | null;
  payload: string;
  attempts: Array<{
    responseStatus: number | null;
    durationMs: number;
    error: string | null;
    manual: boolean;
    responseBody: string | null;
    requestHeaders: Array<{ name: string; value: string }>;
  }>;
}

const DELIVERY =
  'id eventId eventType sequence status attemptCount lastResponseStatus nextAttemptAt payload attempts { responseStatus durationMs error manual responseBody requestHeaders { name value } }';

export const CreateWebhookEndpoint = typed<
  { createWebhookEndpoint: { endpoint: WebhookEndpointFields; secret: string } },
  { input: { organizationId: string; url: string; description?: string; eventTypes: string[] } }
>(
  `mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { ${ENDPOINT} } secret } }`,
);

export const UpdateWebhookEndpoint = typed<
  { updateWebhookEndpoint: WebhookEndpointFields },
  {
    id: string;
    input: { url?: string; description?: string; eventTypes?: string[]; enabled?: boolean };
  }
>(
  `mutation UpdateWebhookEndpoint($id: ID!, $input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(id: $id, input: $input) { ${ENDPOINT} } }`,
);

export const DeleteWebhookEndpoint = typed<{ deleteWebhookEndpoint: boolean }, { id: string }>(
  'mutation DeleteWebhookEndpoint($id: ID!) { deleteWebhookEndpoint(id: $id) }',
);

export const RevealWebhookSecret = typed<{ revealWebhookSecret: string }, { id: string }>(
  'mutation RevealWebhookSecret($id: ID!) { revealWebhookSecret(id: $id) }',
);

export const RotateWebhookSecret = typed<{ rotateWebhookSecret: string }, { id: string }>(
  'mutation RotateWebhookSecret($id: ID!) { rotateWebhookSecret(id: $id) }',
);

export const SendTestWebhook = typed<{ sendTestWebhook: WebhookDeliveryFields }, { id: string }>(
  `mutation SendTestWebhook($id: ID!) { sendTestWebhook(id: $id) { ${DELIVERY} } }`,
);

export const RedeliverWebhook = typed<
  { redeliverWebhook: WebhookDeliveryFields },
  { deliveryId: string }
>(
  `mutation RedeliverWebhook($deliveryId: ID!) { redeliverWebhook(deliveryId: $deliveryId) { ${DELIVERY} } }`,
);

export const RecoverWebhookEndpoint = typed<
  { recoverWebhookEndpoint: { endpoint: WebhookEndpointFields; redelivered: number } },
  { id: string; since: string }
>(
  `mutation RecoverWebhookEndpoint($id: ID!, $since: DateTimeISO!) { recoverWebhookEndpoint(id: $id, since: $since) { endpoint { ${ENDPOINT} } redelivered } }`,
);

export const PublishEvent = typed<
  { publishEvent: { id: string; type: string } },
  { input: { type: string; data: Record<string, unknown>; idempotencyKey?: string } }
>('mutation PublishEvent($input: PublishEventInput!) { publishEvent(input: $input) { id type } }');

export const OrganizationWebhookEndpoints = typed<
  { organization: { webhookEndpoints: WebhookEndpointFields[] } | null },
  { id: string }
>(
  `query OrganizationWebhookEndpoints($id: ID!) { organization(id: $id) { webhookEndpoints { ${ENDPOINT} } } }`,
);

export const WebhookDeliveries = typed<
  {
    webhookEndpoint: {
      deliveries: {
        edges: Array<{ node: WebhookDeliveryFields; cursor: string }>;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    } | null;
  },
  { id: string; first?: number; after?: string }
>(
  `query WebhookDeliveries($id: ID!, $first: Int, $after: String) { webhookEndpoint(id: $id) { deliveries(first: $first, after: $after) { edges { node { ${DELIVERY} } cursor } pageInfo { hasNextPage endCursor } } } }`,
);

export const WebhookEventTypes = typed<
  {
    webhookEventTypes: Array<{
      name: string;
      description: string;
      publishable: boolean;
      examplePayload: Record<string, unknown>;
    }>;
  },
  Record<string, never>
>('query WebhookEventTypes { webhookEventTypes { name description publishable examplePayload } }');

export const WebhookEndpointById = typed<
  { webhookEndpoint: WebhookEndpointFields | null },
  { id: string }
>(`query WebhookEndpointById($id: ID!) { webhookEndpoint(id: $id) { ${ENDPOINT} } }`);
