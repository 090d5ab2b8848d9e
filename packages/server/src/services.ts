import { DomainEvents } from './events/domain-events';
import { sessionCookiePolicy } from './http/cookies';
import { PublicSite } from './http/public-site';
import type { AnyJobDefinition } from './jobs/define-job';
import { deleteSucceededJobsJob } from './jobs/delete-succeeded-jobs.job';
import { JobQueue } from './jobs/job-queue';
import { JobRunner } from './jobs/job-runner';
import { JobScheduler, type AnySchedule } from './jobs/schedule';
import { Delivery } from './messaging/delivery';
import { createMailer } from './messaging/mailer';
import { sendMailJob } from './messaging/send-mail.job';
import { sendSmsJob } from './messaging/send-sms.job';
import { createSmsSender } from './messaging/sms';
import { RateLimits } from './security/rate-limits';
import type { AtriumModule, Infrastructure, Services } from './core/module';
import { MODULES } from './modules';

export type { Services } from './core/module';

const HOUR_MS = 60 * 60 * 1000;

/**
 * The composition root: the plumbing's shared parts, then each module's services in registry
 * order, its event subscribers and its job kinds.
 */
export function createServices(
  base: Pick<Infrastructure, 'dataSource' | 'config' | 'secretKey' | 'pubSub' | 'redis' | 'logger'>,
  modules: readonly AtriumModule[] = MODULES,
): Services {
  const { dataSource, config, logger } = base;
  const events = new DomainEvents(logger);
  const jobs = new JobQueue(dataSource);
  const sendMail = sendMailJob(createMailer(config.smtpUrl, config.outboxDir, logger));
  const site = new PublicSite(config);
  const sms = createSmsSender(config.sms, config.outboxDir, logger);
  const sendSms = sendSmsJob(sms);
  const delivery = new Delivery(jobs, sendMail, sendSms, sms, site);
  const infra: Infrastructure = {
    ...base,
    events,
    jobs,
    delivery,
    site,
    limits: new RateLimits(base.redis, config.redisPrefix, {
      smsPerCountry: config.smsCountryHourlyLimit,
    }),
  };

  const built: Partial<Services> = {};
  for (const module of modules) Object.assign(built, module.services?.(infra, built));

  const cleanupJobs = deleteSucceededJobsJob(jobs);
  const kinds: AnyJobDefinition[] = [sendMail, sendSms, cleanupJobs];
  const schedules: AnySchedule[] = [{ job: cleanupJobs, everyMs: HOUR_MS, payload: {} }];
  for (const module of modules) {
    const work = module.jobs?.(built as Services, infra);
    kinds.push(...(work?.kinds ?? []));
    schedules.push(...(work?.schedules ?? []));
  }
  const services = Object.assign(built, {
    limits: infra.limits,
    events,
    jobs,
    // Running jobs get half of the shutdown limit to finish; the rest drains HTTP and the log.
    jobRunner: new JobRunner(dataSource, jobs, kinds, logger, {
      shutdownGraceMs: Math.floor(config.shutdownTimeoutMs / 2),
    }),
    jobScheduler: new JobScheduler(jobs, schedules, logger),
    cookiePolicy: sessionCookiePolicy(config.production),
    site,
    pubSub: base.pubSub,
  }) as Services;
  for (const module of modules) {
    for (const subscribe of module.subscribers?.(services, infra) ?? []) subscribe(events);
  }
  return services;
}
