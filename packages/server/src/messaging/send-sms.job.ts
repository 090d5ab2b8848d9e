import { z } from 'zod';
import { defineJob, exponentialBackoff, type JobDefinition } from '../jobs/define-job';
import type { SmsMessage, SmsSender } from './sms';

const smsMessage = z.object({
  to: z.string().min(1),
  body: z.string().min(1),
}) satisfies z.ZodType<SmsMessage>;

/** One text that can wait (a notice, not a code): 5 s doubling to an hour, 8 tries. */
export function sendSmsJob(sms: SmsSender): JobDefinition<SmsMessage> {
  return defineJob({
    kind: 'sms.send',
    payload: smsMessage,
    handler: (message) => sms.send(message),
    concurrency: 4,
    maxAttempts: 8,
    backoff: exponentialBackoff(5000, 60 * 60 * 1000),
    leaseMs: 60 * 1000,
  });
}
