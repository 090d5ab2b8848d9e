import type { PubSub } from '@graphql-yoga/subscription';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Config } from './config/env';
import type { AtriumEvents } from './events/event-bus';
import { sessionCookiePolicy, type SessionCookiePolicy } from './http/cookies';
import { backgroundWork } from './background';
import { JobQueue } from './jobs/job-queue';
import { JobRunner } from './jobs/job-runner';
import { JobScheduler } from './jobs/schedule';
import { Delivery } from './messaging/delivery';
import { createMailer } from './messaging/mailer';
import { sendMailJob } from './messaging/send-mail.job';
import { createSmsSender } from './messaging/sms';
import { AccountService } from './modules/account/account.service';
import { ApiKeyAuthenticator } from './modules/api-key/api-key-authenticator';
import { EmailService } from './modules/account/email.service';
import { PhoneService } from './modules/account/phone.service';
import { AuthService } from './modules/auth/auth.service';
import { PasswordService } from './modules/auth/password.service';
import { AvatarService } from './modules/avatar/avatar.service';
import { SessionService } from './modules/session/session.service';
import { OneTimeTokenService } from './modules/tokens/one-time-token.service';
import { DomainService } from './modules/domain/domain.service';
import { InvitationLinkService } from './modules/invitation/invitation-link.service';
import { InvitationService } from './modules/invitation/invitation.service';
import { MembershipService } from './modules/organization/membership.service';
import { OrganizationService } from './modules/organization/organization.service';
import { PlanCatalog } from './modules/organization/plans';
import { createTxtLookup } from './lib/dns-txt';
import { RateLimits } from './security/rate-limits';
import { RecentAuthentication } from './modules/auth/recent-auth';
import { MfaService } from './modules/mfa/mfa.service';
import { MfaChallengeService } from './modules/mfa/mfa-challenge.service';
import { MfaSettingsService } from './modules/mfa/mfa-settings.service';
import { SecurityEventService } from './modules/security-events/security-event.service';
import { recordTimeline } from './modules/security-events/timeline.subscriber';
import { publishSessionEvents } from './modules/session/session.events';
import { mailAuthNotices } from './modules/auth/auth.events';
import { mailAccountNotices } from './modules/account/account.events';
import { mailMfaNotices } from './modules/mfa/mfa.events';
import { mailInvitations } from './modules/invitation/invitation.events';
import { DomainEvents, type EventSubscriber } from './events/domain-events';

/** The application's services, built once per server instance and shared by every request. */
export interface Services {
  accounts: AccountService;
  apiKeys: ApiKeyAuthenticator;
  auth: AuthService;
  sessions: SessionService;
  emails: EmailService;
  phones: PhoneService;
  passwords: PasswordService;
  avatars: AvatarService;
  tokens: OneTimeTokenService;
  organizations: OrganizationService;
  memberships: MembershipService;
  invitations: InvitationService;
  invitationLinks: InvitationLinkService;
  domains: DomainService;
  limits: RateLimits;
  events: DomainEvents;
  mfaSettings: MfaSettingsService;
  /** Enqueue jobs (in a transaction), list and retry dead ones. */
  jobs: JobQueue;
  /** This instance's worker for every job kind; app.ts starts and stops it. */
  jobRunner: JobRunner;
  /** Enqueues the periodic jobs (cleanups) once per period across instances. */
  jobScheduler: JobScheduler;
  securityEvents: SecurityEventService;
  cookiePolicy: SessionCookiePolicy;
  /** Public origin of the SPA and API, for links and avatar URLs. */
  appUrl: string;
  pubSub: PubSub<AtriumEvents>;
}

export interface Infrastructure {
  dataSource: DataSource;
  config: Config;
  secretKey: string;
  pubSub: PubSub<AtriumEvents>;
  redis: Redis | null;
  logger: Logger;
}

export function createServices({
  dataSource,
  config,
  secretKey,
  pubSub,
  redis,
  logger,
}: Infrastructure): Services {
  const events = new DomainEvents(logger);
  const securityEvents = new SecurityEventService(dataSource);
  const sessions = new SessionService(dataSource, config.session, events);
  const recentAuth = new RecentAuthentication(config.reauthWindowMinutes * 60 * 1000);
  const mfa = new MfaService(dataSource, secretKey, config.totpIssuer);
  const tokens = new OneTimeTokenService(dataSource, secretKey);
  const limits = new RateLimits(redis);
  const jobs = new JobQueue(dataSource);
  const sendMail = sendMailJob(createMailer(config.smtpUrl, config.outboxDir, logger));
  const delivery = new Delivery(
    jobs,
    sendMail,
    createSmsSender(config.sms, config.outboxDir, logger),
    config.appUrl,
  );
  const background = backgroundWork({ sendMail, sessions, tokens, jobs });
  const emails = new EmailService(dataSource, tokens, delivery, limits, recentAuth, events);
  const subscribers: EventSubscriber[] = [
    recordTimeline(securityEvents),
    publishSessionEvents(pubSub),
    mailAuthNotices(delivery),
    mailAccountNotices(delivery),
    mailMfaNotices(delivery),
    mailInvitations(delivery),
    emails.subscriber,
  ];
  for (const subscribe of subscribers) subscribe(events);
  const challenges = new MfaChallengeService(dataSource, mfa, limits);
  const plans = new PlanCatalog(config.planSeats);
  return {
    accounts: new AccountService(dataSource),
    apiKeys: new ApiKeyAuthenticator(dataSource),
    auth: new AuthService(dataSource, sessions, limits, mfa, challenges, securityEvents, events),
    sessions,
    emails,
    phones: new PhoneService(dataSource, tokens, delivery, limits, recentAuth, events),
    passwords: new PasswordService(
      dataSource,
      tokens,
      sessions,
      delivery,
      limits,
      recentAuth,
      events,
    ),
    avatars: new AvatarService(dataSource),
    tokens,
    organizations: new OrganizationService(dataSource, plans),
    memberships: new MembershipService(dataSource, recentAuth),
    invitations: new InvitationService(dataSource, plans, delivery, limits, events),
    invitationLinks: new InvitationLinkService(dataSource, limits),
    domains: new DomainService(dataSource, createTxtLookup(config.dnsServers), limits, logger),
    limits,
    events,
    jobs,
    // Running jobs get half of the shutdown limit to finish; the rest drains HTTP and the log.
    jobRunner: new JobRunner(dataSource, jobs, background.kinds, logger, {
      shutdownGraceMs: Math.floor(config.shutdownTimeoutMs / 2),
    }),
    jobScheduler: new JobScheduler(jobs, background.schedules, logger),
    mfaSettings: new MfaSettingsService(dataSource, mfa, recentAuth, sessions, events),
    securityEvents,
    cookiePolicy: sessionCookiePolicy(config.production),
    appUrl: config.appUrl,
    pubSub,
  };
}
