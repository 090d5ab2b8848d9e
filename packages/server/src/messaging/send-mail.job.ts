import { z } from 'zod';
import { defineJob, exponentialBackoff, type JobDefinition } from '../jobs/define-job';
import type { Mailer, MailMessage } from './mailer';

const mailMessage = z.object({
  to: z.string().min(1),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  headers: z.record(z.string(), z.string()).optional(),
}) satisfies z.ZodType<MailMessage>;

/**
 * One mail to send. As the mail outbox did: 1 s doubling to an hour between tries, 12 tries
 * (about an hour and a half of an SMTP outage), and a claim lasting well past SMTP's timeouts.
 */
export function sendMailJob(mailer: Mailer): JobDefinition<MailMessage> {
  return defineJob({
    kind: 'mail.send',
    payload: mailMessage,
    handler: (message) => mailer.send(message),
    concurrency: 4,
    maxAttempts: 12,
    backoff: exponentialBackoff(1000, 60 * 60 * 1000),
    leaseMs: 5 * 60 * 1000,
  });
}
