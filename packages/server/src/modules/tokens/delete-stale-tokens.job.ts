import { z } from 'zod';
import { defineJob, type JobDefinition } from '../../jobs/define-job';
import type { OneTimeTokenService } from './one-time-token.service';

/** Deletes one-time tokens that can no longer be used (run hourly by the app's schedule). */
export function deleteStaleTokensJob(tokens: OneTimeTokenService): JobDefinition<object> {
  return defineJob({
    kind: 'tokens.delete-stale',
    payload: z.object({}),
    handler: () => tokens.deleteStale(),
    maxAttempts: 3,
    backoff: () => 60_000,
  });
}
