import { defineModule, requireService } from '../../core/module';
import { WebhookAttemptEntity } from './webhook-attempt.entity';
import { WebhookDeliverer } from './webhook-deliverer';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';
import { WebhookEndpointService } from './webhook-endpoint.service';
import { WebhookEventEntity } from './webhook-event.entity';
import { WebhookLogService } from './webhook-log.service';
import { pruneWebhookLogJob } from './webhook-prune.job';
import { WebhookPublisher } from './webhook-publisher';
import { WebhookSecrets } from './webhook-secrets';
import { WebhookSender } from './webhook-sender';
import { sendOwnEvents } from './webhook-sources';
import { createResolve, guardedLookup } from './webhook-targets';
import { mailEndpointHealth } from './webhook.events';
import {
  OrganizationWebhooksResolver,
  WebhookDeliveryResolver,
  WebhookEndpointResolver,
} from './webhook.resolver';

declare module '../../core/module' {
  interface Services {
    webhookEndpoints: WebhookEndpointService;
    webhookLog: WebhookLogService;
    webhookPublisher: WebhookPublisher;
    /** Turns committed events into deliveries (in the change's transaction). */
    webhookDispatcher: WebhookDispatcher;
    /** Runs delivery attempts (the `webhook.deliver` job kind). */
    webhookDeliverer: WebhookDeliverer;
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Webhooks: endpoints, Standard Webhooks delivery from the job queue, the log, publishing. */
export const webhookModule = defineModule({
  name: 'webhook',
  entities: [
    WebhookEndpointEntity,
    WebhookEventEntity,
    WebhookDeliveryEntity,
    WebhookAttemptEntity,
  ],
  resolvers: [OrganizationWebhooksResolver, WebhookEndpointResolver, WebhookDeliveryResolver],
  services: ({ dataSource, config, secretKey, events, jobs, site }, built) => {
    const { webhooks } = config;
    const secrets = new WebhookSecrets(secretKey);
    const sender = new WebhookSender(
      guardedLookup(createResolve(config.dnsServers), webhooks),
      webhooks,
    );
    const deliverer = new WebhookDeliverer(
      dataSource,
      jobs,
      secrets,
      events,
      sender,
      webhooks.retryScheduleMs,
      (organizationId) => `${site.appUrl}/settings/webhooks/${organizationId}`,
    );
    const dispatcher = new WebhookDispatcher(jobs, deliverer.job, webhooks.retryScheduleMs[0]);
    return {
      webhookDeliverer: deliverer,
      webhookDispatcher: dispatcher,
      webhookEndpoints: new WebhookEndpointService(
        dataSource,
        secrets,
        requireService(built, 'recentAuth', 'webhook'),
        events,
        jobs,
        deliverer.job,
        webhooks,
      ),
      webhookLog: new WebhookLogService(dataSource, jobs, deliverer.job, dispatcher),
      webhookPublisher: new WebhookPublisher(dataSource, dispatcher),
    };
  },
  subscribers: ({ webhookDispatcher }, { delivery }) => [
    sendOwnEvents(webhookDispatcher),
    mailEndpointHealth(delivery),
  ],
  jobs: ({ webhookDeliverer }, { dataSource }) => {
    const prune = pruneWebhookLogJob(dataSource);
    return {
      kinds: [webhookDeliverer.job, prune],
      schedules: [{ job: prune, everyMs: DAY_MS, payload: {} }],
    };
  },
});
