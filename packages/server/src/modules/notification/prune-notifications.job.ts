import { z } from 'zod';
import { defineJob, type JobDefinition } from '../../jobs/define-job';
import type { NotificationFeedService } from './notification-feed.service';

/** Deletes read notifications older than 90 days (run daily by the schedule). */
export function pruneNotificationsJob(feed: NotificationFeedService): JobDefinition<object> {
  return defineJob({
    kind: 'notifications.prune',
    payload: z.object({}),
    async handler(_payload, { log }) {
      const deleted = await feed.prune();
      if (deleted > 0) log.info({ deleted }, 'pruned old read notifications');
    },
    maxAttempts: 3,
    backoff: () => 60_000,
  });
}
