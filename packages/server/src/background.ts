import type { AnyJobDefinition, JobDefinition } from './jobs/define-job';
import { deleteSucceededJobsJob } from './jobs/delete-succeeded-jobs.job';
import type { JobQueue } from './jobs/job-queue';
import type { AnySchedule } from './jobs/schedule';
import type { MailMessage } from './messaging/mailer';
import { deleteStaleSessionsJob } from './modules/session/delete-stale-sessions.job';
import type { SessionService } from './modules/session/session.service';
import { deleteStaleTokensJob } from './modules/tokens/delete-stale-tokens.job';
import type { OneTimeTokenService } from './modules/tokens/one-time-token.service';

const HOUR_MS = 60 * 60 * 1000;

/** Every job kind this app runs, and its periodic work. */
export function backgroundWork(parts: {
  sendMail: JobDefinition<MailMessage>;
  sessions: SessionService;
  tokens: OneTimeTokenService;
  jobs: JobQueue;
}): { kinds: AnyJobDefinition[]; schedules: AnySchedule[] } {
  const cleanups = [
    deleteStaleSessionsJob(parts.sessions),
    deleteStaleTokensJob(parts.tokens),
    deleteSucceededJobsJob(parts.jobs),
  ];
  return {
    kinds: [parts.sendMail, ...cleanups],
    schedules: cleanups.map((job) => ({ job, everyMs: HOUR_MS, payload: {} })),
  };
}
