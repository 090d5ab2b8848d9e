import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { pageRequest } from '../../graphql/connection';
import type { AppContext } from '../../graphql/context';
import { Organization } from '../organization/organization.type';
import { webhookBody } from './webhook-body';
import { WEBHOOK_EVENT_TYPES } from './webhook-event-types';
import {
  CreateWebhookEndpointInput,
  PublishEventInput,
  UpdateWebhookEndpointInput,
} from './webhook.inputs';
import {
  CreatedWebhookEndpoint,
  PublishedEvent,
  toWebhookAttempt,
  toWebhookDelivery,
  toWebhookEndpoint,
  toWebhookEventType,
  WebhookAttempt,
  WebhookDelivery,
  WebhookDeliveryConnection,
  WebhookEndpoint,
  WebhookEventType,
  WebhookRecovery,
} from './webhook.types';

@Resolver(() => Organization)
export class OrganizationWebhooksResolver {
  @FieldResolver(() => [WebhookEndpoint], {
    description: 'Webhook endpoints, oldest first (OWNER and ADMIN, or WEBHOOKS_READ)',
  })
  async webhookEndpoints(
    @Root() organization: Organization,
    @Ctx() ctx: AppContext,
  ): Promise<WebhookEndpoint[]> {
    const endpoints = await ctx.services.webhookEndpoints.list(organization.access);
    return endpoints.map((endpoint) => toWebhookEndpoint(endpoint, organization.access));
  }
}

@Resolver(() => WebhookEndpoint)
export class WebhookEndpointResolver {
  @Authorized()
  @Query(() => [WebhookEventType], {
    description: 'Every event type an endpoint can subscribe to, with an example payload',
  })
  webhookEventTypes(): WebhookEventType[] {
    return WEBHOOK_EVENT_TYPES.map(toWebhookEventType);
  }

  @Authorized()
  @Query(() => WebhookEndpoint, {
    nullable: true,
    description: 'One endpoint of an organization I may see webhooks of; NOT_FOUND otherwise',
  })
  async webhookEndpoint(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: AppContext,
  ): Promise<WebhookEndpoint> {
    const { endpoint, access } = await ctx.services.webhookEndpoints.get(ctx.caller, id);
    return toWebhookEndpoint(endpoint, access);
  }

  @FieldResolver(() => WebhookDeliveryConnection, { description: 'The delivery log, newest first' })
  async deliveries(
    @Root() endpoint: WebhookEndpoint,
    @Ctx() ctx: AppContext,
    @Arg('first', () => Int, { nullable: true, description: '1–100, default 20' })
    first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<WebhookDeliveryConnection> {
    const page = await ctx.services.webhookLog.deliveries(
      endpoint.access,
      endpoint.id,
      pageRequest(first, after),
    );
    const edges = page.nodes.map((delivery) => ({
      node: toWebhookDelivery(delivery, page),
      cursor: page.cursorOf(delivery),
    }));
    return {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  @Authorized()
  @Mutation(() => CreatedWebhookEndpoint, {
    description: 'A new endpoint, enabled, with its signing secret in this answer',
  })
  async createWebhookEndpoint(
    @Arg('input') input: CreateWebhookEndpointInput,
    @Ctx() ctx: AppContext,
  ): Promise<CreatedWebhookEndpoint> {
    const { endpoint, access, secret } = await ctx.services.webhookEndpoints.create(
      ctx.caller,
      input.organizationId,
      { url: input.url, description: input.description ?? '', eventTypes: input.eventTypes },
    );
    return { endpoint: toWebhookEndpoint(endpoint, access), secret };
  }

  @Authorized()
  @Mutation(() => WebhookEndpoint, { description: 'Changes, enables or disables an endpoint' })
  async updateWebhookEndpoint(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateWebhookEndpointInput,
    @Ctx() ctx: AppContext,
  ): Promise<WebhookEndpoint> {
    const { endpoint, access } = await ctx.services.webhookEndpoints.update(ctx.caller, id, {
      url: input.url ?? undefined,
      description: input.description ?? undefined,
      eventTypes: input.eventTypes ?? undefined,
      enabled: input.enabled ?? undefined,
    });
    return toWebhookEndpoint(endpoint, access);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Deletes the endpoint with its delivery log' })
  deleteWebhookEndpoint(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<boolean> {
    return ctx.services.webhookEndpoints.delete(ctx.caller, id);
  }

  @Authorized()
  @Mutation(() => String, {
    description: 'The signing secret (whsec_…). A person only, in sudo mode; on their timeline.',
  })
  revealWebhookSecret(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<string> {
    return ctx.services.webhookEndpoints.revealSecret(ctx.caller, id);
  }

  @Authorized()
  @Mutation(() => String, {
    description:
      'A new signing secret, returned; for 24 hours deliveries carry signatures of both (sudo mode for people)',
  })
  rotateWebhookSecret(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<string> {
    return ctx.services.webhookEndpoints.rotateSecret(ctx.caller, id);
  }

  @Authorized()
  @Mutation(() => WebhookRecovery, {
    description:
      'Turns the endpoint back on and redelivers every delivery to it that failed since `since` (at most 5,000 a call, oldest first)',
  })
  async recoverWebhookEndpoint(
    @Arg('id', () => ID) id: string,
    @Arg('since') since: Date,
    @Ctx() ctx: AppContext,
  ): Promise<WebhookRecovery> {
    const { endpoint, access, redelivered } = await ctx.services.webhookEndpoints.recover(
      ctx.caller,
      id,
      since,
    );
    return { endpoint: toWebhookEndpoint(endpoint, access), redelivered };
  }

  @Authorized()
  @Mutation(() => WebhookDelivery, {
    description: 'Sends a webhook.test event to the endpoint now (one attempt)',
  })
  async sendTestWebhook(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: AppContext,
  ): Promise<WebhookDelivery> {
    const delivery = await ctx.services.webhookLog.sendTest(ctx.caller, id);
    return toWebhookDelivery(delivery, ctx.services.webhookLog.details([delivery]));
  }

  @Authorized()
  @Mutation(() => WebhookDelivery, {
    description: 'One more attempt of a delivery now, under the same webhook-id',
  })
  async redeliverWebhook(
    @Arg('deliveryId', () => ID) deliveryId: string,
    @Ctx() ctx: AppContext,
  ): Promise<WebhookDelivery> {
    const delivery = await ctx.services.webhookLog.redeliver(ctx.caller, deliveryId);
    return toWebhookDelivery(delivery, ctx.services.webhookLog.details([delivery]));
  }

  @Authorized()
  @Mutation(() => PublishedEvent, {
    description:
      'Publishes a product event to the endpoints that subscribe to it (API keys with EVENTS_PUBLISH)',
  })
  async publishEvent(
    @Arg('input') input: PublishEventInput,
    @Ctx() ctx: AppContext,
  ): Promise<PublishedEvent> {
    const event = await ctx.services.webhookPublisher.publish(ctx.caller, {
      type: input.type,
      data: input.data.value,
      idempotencyKey: input.idempotencyKey,
    });
    return { id: event.id, type: event.type };
  }
}

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  @FieldResolver(() => [WebhookAttempt], { description: 'Newest first' })
  async attempts(@Root() delivery: WebhookDelivery): Promise<WebhookAttempt[]> {
    return (await delivery.details.attemptsOf(delivery.id)).map(toWebhookAttempt);
  }

  @FieldResolver(() => String, { description: 'The body as the endpoint receives it (JSON)' })
  async payload(@Root() delivery: WebhookDelivery): Promise<string> {
    const event = await delivery.details.eventOf(delivery.eventId);
    return event ? webhookBody(event, delivery.sequence) : '';
  }
}
