import { defineModule } from '../../core/module';
import { deleteStaleTokensJob } from './delete-stale-tokens.job';
import { OneTimeTokenEntity } from './one-time-token.entity';
import { OneTimeTokenService } from './one-time-token.service';

declare module '../../core/module' {
  interface Services {
    tokens: OneTimeTokenService;
  }
}

/** Single-use links and codes (verification, reset, email and phone changes). */
export const tokensModule = defineModule({
  name: 'tokens',
  entities: [OneTimeTokenEntity],
  services: ({ dataSource, secretKey }) => ({
    tokens: new OneTimeTokenService(dataSource, secretKey),
  }),
  jobs: ({ tokens }) => {
    const cleanup = deleteStaleTokensJob(tokens);
    return { kinds: [cleanup], schedules: [{ job: cleanup, everyMs: HOUR_MS, payload: {} }] };
  },
});

const HOUR_MS = 60 * 60 * 1000;
