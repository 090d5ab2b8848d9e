import { z } from 'zod';
import { defineJob, type JobDefinition } from './define-job';
import type { JobQueue } from './job-queue';

/** Succeeded jobs stay this long, to see what ran; dead ones stay until someone acts. */
const KEEP_SUCCEEDED_MS = 7 * 24 * 60 * 60 * 1000;

export function deleteSucceededJobsJob(queue: JobQueue): JobDefinition<object> {
  return defineJob({
    kind: 'jobs.delete-succeeded',
    payload: z.object({}),
    async handler(_payload, { log }) {
      const deleted = await queue.deleteSucceeded(new Date(Date.now() - KEEP_SUCCEEDED_MS));
      if (deleted > 0) log.info({ deleted }, 'deleted succeeded jobs');
    },
    maxAttempts: 3,
    backoff: () => 60_000,
  });
}
