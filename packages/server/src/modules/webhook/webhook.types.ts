import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../../graphql/connection';
import { JSONObjectScalar } from '../../graphql/json-object.scalar';
import type { OrganizationAccess } from '../organization/access';
import type { WebhookAttemptEntity } from './webhook-attempt.entity';
import {
  WEBHOOK_DELIVERY_STATUSES,
  type WebhookDeliveryEntity,
  type WebhookDeliveryStatus,
} from './webhook-delivery.entity';
import {
  WEBHOOK_DISABLED_REASONS,
  type WebhookDisabledReason,
  type WebhookEndpointEntity,
} from './webhook-endpoint.entity';
import type { WebhookEventEntity } from './webhook-event.entity';
import { examplePayload, type WebhookEventTypeInfo } from './webhook-event-types';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

export const WebhookDisabledReasonEnum = enumOf(WEBHOOK_DISABLED_REASONS);
registerEnumType(WebhookDisabledReasonEnum, {
  name: 'WebhookDisabledReason',
  description: 'MANUAL: someone turned it off; GONE: it answered 410; FAILING: 5 days of failures',
});

export const WebhookDeliveryStatusEnum = enumOf(WEBHOOK_DELIVERY_STATUSES);
registerEnumType(WebhookDeliveryStatusEnum, { name: 'WebhookDeliveryStatus' });

@ObjectType('WebhookEventType', { description: 'An event an endpoint can subscribe to' })
export class WebhookEventType {
  @Field()
  name: string;

  @Field()
  description: string;

  @Field({ description: 'Published by internal tools through publishEvent; else sent by Atrium' })
  publishable: boolean;

  @Field(() => JSONObjectScalar, { description: 'A body as an endpoint receives it' })
  examplePayload: Record<string, unknown>;
}

export function toWebhookEventType(type: WebhookEventTypeInfo): WebhookEventType {
  return {
    name: type.name,
    description: type.description,
    publishable: type.publishable,
    examplePayload: examplePayload(type),
  };
}

@ObjectType('WebhookHeader')
export class WebhookHeader {
  @Field()
  name: string;

  @Field()
  value: string;
}

@ObjectType('WebhookAttempt', { description: 'One HTTP request of a delivery' })
export class WebhookAttempt {
  @Field(() => ID)
  id: string;

  @Field()
  startedAt: Date;

  @Field(() => Int)
  durationMs: number;

  @Field(() => Int, { nullable: true, description: 'Null when no response came' })
  responseStatus: number | null;

  @Field(() => [WebhookHeader])
  requestHeaders: WebhookHeader[];

  @Field(() => String, { nullable: true, description: 'The first 4 KB of the response body' })
  responseBody: string | null;

  @Field(() => String, { nullable: true, description: 'Why it failed, when it did' })
  error: string | null;

  @Field({ description: 'Made by hand (redeliver, test), not by the retry schedule' })
  manual: boolean;
}

export function toWebhookAttempt(attempt: WebhookAttemptEntity): WebhookAttempt {
  const headers = JSON.parse(attempt.requestHeaders) as Record<string, string>;
  return {
    id: attempt.id,
    startedAt: attempt.startedAt,
    durationMs: attempt.durationMs,
    responseStatus: attempt.responseStatus,
    requestHeaders: Object.entries(headers).map(([name, value]) => ({ name, value })),
    responseBody: attempt.responseBody,
    error: attempt.error,
    manual: attempt.manual,
  };
}

@ObjectType('WebhookDelivery', { description: 'One event on its way to one endpoint' })
export class WebhookDelivery {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: 'Also the webhook-id header of every attempt' })
  eventId: string;

  @Field()
  eventType: string;

  @Field(() => Int, { description: "The endpoint's sequence number, in commit order" })
  sequence: number;

  @Field(() => WebhookDeliveryStatusEnum)
  status: WebhookDeliveryStatus;

  @Field(() => Int)
  attemptCount: number;

  @Field(() => Int, { nullable: true })
  lastResponseStatus: number | null;

  @Field(() => Date, { nullable: true, description: 'When the retry schedule tries next' })
  nextAttemptAt: Date | null;

  @Field(() => Date, { nullable: true })
  lastAttemptAt: Date | null;

  @Field()
  createdAt: Date;

  /** Loads the attempts and the event (for a page, one query each for all its deliveries). */
  details: DeliveryDetails;
}

export interface DeliveryDetails {
  attemptsOf(deliveryId: string): Promise<WebhookAttemptEntity[]>;
  eventOf(eventId: string): Promise<WebhookEventEntity | null>;
}

export function toWebhookDelivery(
  delivery: WebhookDeliveryEntity,
  details: DeliveryDetails,
): WebhookDelivery {
  return {
    id: delivery.id,
    eventId: delivery.eventId,
    eventType: delivery.eventType,
    sequence: delivery.sequence,
    status: delivery.status,
    attemptCount: delivery.attemptCount,
    lastResponseStatus: delivery.lastResponseStatus,
    nextAttemptAt: delivery.nextAttemptAt,
    lastAttemptAt: delivery.lastAttemptAt,
    createdAt: delivery.createdAt,
    details,
  };
}

@ObjectType('WebhookDeliveryEdge')
export class WebhookDeliveryEdge {
  @Field(() => WebhookDelivery)
  node: WebhookDelivery;

  @Field()
  cursor: string;
}

@ObjectType('WebhookDeliveryConnection')
export class WebhookDeliveryConnection {
  @Field(() => [WebhookDeliveryEdge])
  edges: WebhookDeliveryEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@ObjectType('WebhookEndpoint', {
  description:
    "An organization's webhook endpoint; its secret is never a field (revealWebhookSecret)",
})
export class WebhookEndpoint {
  @Field(() => ID)
  id: string;

  @Field()
  url: string;

  @Field()
  description: string;

  @Field(() => [String])
  eventTypes: string[];

  @Field()
  enabled: boolean;

  @Field(() => WebhookDisabledReasonEnum, { nullable: true })
  disabledReason: WebhookDisabledReason | null;

  @Field(() => Date, { nullable: true })
  lastSuccessAt: Date | null;

  @Field(() => Date, { nullable: true })
  lastFailureAt: Date | null;

  @Field(() => Int, { description: 'Failed attempts since the last success' })
  failureStreak: number;

  @Field(() => Date, { nullable: true, description: 'The first failure since the last success' })
  failingSince: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'After a rotation: until when the previous secret signs too',
  })
  previousSecretExpiresAt: Date | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  /** The caller's standing, checked when this was loaded; not part of the API. */
  access: OrganizationAccess;
}

export function toWebhookEndpoint(
  endpoint: WebhookEndpointEntity,
  access: OrganizationAccess,
  now = new Date(),
): WebhookEndpoint {
  const overlap = endpoint.previousSecretExpiresAt;
  return {
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    eventTypes: endpoint.eventTypes.split(','),
    enabled: endpoint.enabled,
    disabledReason: endpoint.disabledReason,
    lastSuccessAt: endpoint.lastSuccessAt,
    lastFailureAt: endpoint.lastFailureAt,
    failureStreak: endpoint.failureStreak,
    failingSince: endpoint.failingSince,
    previousSecretExpiresAt: overlap && overlap > now ? overlap : null,
    createdAt: endpoint.createdAt,
    updatedAt: endpoint.updatedAt,
    access,
  };
}

@ObjectType('CreatedWebhookEndpoint', {
  description: 'A new endpoint and its signing secret (revealWebhookSecret shows it again)',
})
export class CreatedWebhookEndpoint {
  @Field(() => WebhookEndpoint)
  endpoint: WebhookEndpoint;

  @Field()
  secret: string;
}

@ObjectType('WebhookRecovery')
export class WebhookRecovery {
  @Field(() => WebhookEndpoint)
  endpoint: WebhookEndpoint;

  @Field(() => Int, { description: 'Failed deliveries queued again' })
  redelivered: number;
}

@ObjectType('PublishedEvent')
export class PublishedEvent {
  @Field(() => ID, { description: 'The webhook-id its deliveries carry' })
  id: string;

  @Field()
  type: string;
}
