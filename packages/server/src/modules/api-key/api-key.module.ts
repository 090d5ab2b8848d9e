import { defineModule, requireService } from '../../core/module';
import { ApiKeyAuthenticator } from './api-key-authenticator';
import { ApiKeyExpiryReminders, apiKeyExpiryJob } from './api-key-expiry.job';
import { ApiKeyEntity } from './api-key.entity';
import { mailExpiryReminders } from './api-key.events';
import { ApiKeyResolver } from './api-key.resolver';
import { ApiKeyService } from './api-key.service';

declare module '../../core/module' {
  interface Services {
    /** Turns a presented key into a caller; counts the request into usage. */
    apiKeyAuthenticator: ApiKeyAuthenticator;
    /** An organization's keys: list, create, roll, revoke. */
    apiKeys: ApiKeyService;
    /** Mails admins about keys that expire within 7 days (a scheduled job runs it). */
    apiKeyExpiryReminders: ApiKeyExpiryReminders;
  }
}

const HOUR_MS = 60 * 60 * 1000;

/** Organization API keys: issued, rolled and revoked by admins; callers of their own kind. */
export const apiKeyModule = defineModule({
  name: 'api-key',
  entities: [ApiKeyEntity],
  resolvers: [ApiKeyResolver],
  services: ({ dataSource, events }, built) => ({
    apiKeyAuthenticator: new ApiKeyAuthenticator(
      dataSource,
      requireService(built, 'usageMeter', 'api-key'),
    ),
    apiKeys: new ApiKeyService(dataSource, requireService(built, 'recentAuth', 'api-key'), events),
    apiKeyExpiryReminders: new ApiKeyExpiryReminders(dataSource, events),
  }),
  subscribers: (_, { delivery }) => [mailExpiryReminders(delivery)],
  jobs: ({ apiKeyExpiryReminders }) => {
    const reminders = apiKeyExpiryJob(apiKeyExpiryReminders);
    return { kinds: [reminders], schedules: [{ job: reminders, everyMs: HOUR_MS, payload: {} }] };
  },
});
