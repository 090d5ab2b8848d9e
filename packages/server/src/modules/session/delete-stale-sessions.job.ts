import { z } from 'zod';
import { defineJob, type JobDefinition } from '../../jobs/define-job';
import type { SessionService } from './session.service';

/** Deletes expired sessions and long-revoked ones (run hourly by the app's schedule). */
export function deleteStaleSessionsJob(sessions: SessionService): JobDefinition<object> {
  return defineJob({
    kind: 'sessions.delete-stale',
    payload: z.object({}),
    async handler(_payload, { log }) {
      const deleted = await sessions.deleteStale();
      if (deleted > 0) log.info({ deleted }, 'deleted stale sessions');
    },
    maxAttempts: 3,
    backoff: () => 60_000,
  });
}
