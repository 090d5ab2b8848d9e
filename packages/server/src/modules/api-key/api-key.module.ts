import { defineModule } from '../../core/module';
import { ApiKeyAuthenticator } from './api-key-authenticator';
import { ApiKeyEntity } from './api-key.entity';

declare module '../../core/module' {
  interface Services {
    apiKeys: ApiKeyAuthenticator;
  }
}

/** Organization API keys as callers. */
export const apiKeyModule = defineModule({
  name: 'api-key',
  entities: [ApiKeyEntity],
  services: ({ dataSource }) => ({ apiKeys: new ApiKeyAuthenticator(dataSource) }),
});
