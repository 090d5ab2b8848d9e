import type { PubSub } from '@graphql-yoga/subscription';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Config } from '../config/env';
import type { DomainEvents, EventSubscriber } from '../events/domain-events';
import type { AtriumEvents } from '../events/event-bus';
import type { SessionCookiePolicy } from '../http/cookies';
import type { AnyJobDefinition } from '../jobs/define-job';
import type { JobQueue } from '../jobs/job-queue';
import type { JobRunner } from '../jobs/job-runner';
import type { AnySchedule, JobScheduler } from '../jobs/schedule';
import type { PublicSite } from '../http/public-site';
import type { Delivery } from '../messaging/delivery';
import type { RateLimits } from '../security/rate-limits';

/** What every module may build on: the process's shared parts. */
export interface Infrastructure {
  dataSource: DataSource;
  config: Config;
  secretKey: string;
  pubSub: PubSub<AtriumEvents>;
  redis: Redis | null;
  logger: Logger;
  events: DomainEvents;
  jobs: JobQueue;
  delivery: Delivery;
  /** Where the SPA is reached (links in mail). */
  site: PublicSite;
  limits: RateLimits;
}

/**
 * The services a request can reach through its context. The plumbing's are listed here; each
 * module adds its own by declaration merging in its `*.module.ts`
 * (`declare module '../../core/module' { interface Services { sessions: SessionService } }`).
 */
export interface Services {
  limits: RateLimits;
  events: DomainEvents;
  /** Enqueue jobs (in a transaction), list and retry dead ones. */
  jobs: JobQueue;
  /** This instance's worker for every job kind; app.ts starts and stops it. */
  jobRunner: JobRunner;
  /** Enqueues the periodic jobs (cleanups) once per period across instances. */
  jobScheduler: JobScheduler;
  cookiePolicy: SessionCookiePolicy;
  /** Public URL of the SPA and API (links, avatar URLs) and the origins allowed to use the cookie. */
  site: PublicSite;
  pubSub: PubSub<AtriumEvents>;
}

/** A class TypeORM maps, or TypeGraphQL reads resolvers from. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type DecoratedClass = Function;

/**
 * Everything a feature module contributes, declared in one place (its `*.module.ts`); the
 * registry (`modules.ts`) lists the modules, so adding one touches the module and one line.
 */
export interface AtriumModule {
  readonly name: string;
  readonly entities?: readonly DecoratedClass[];
  readonly resolvers?: readonly DecoratedClass[];
  /**
   * Builds the module's services. `built` holds the services of the modules listed before
   * this one in the registry (read them with `requireService`).
   */
  services?(infra: Infrastructure, built: Partial<Services>): Partial<Services>;
  /** Reactions to domain events (timeline, mail, live publication, …). */
  subscribers?(services: Services, infra: Infrastructure): EventSubscriber[];
  /** Job kinds this module runs, and which of them run periodically. */
  jobs?(
    services: Services,
    infra: Infrastructure,
  ): { kinds?: AnyJobDefinition[]; schedules?: AnySchedule[] };
}

export function defineModule(module: AtriumModule): AtriumModule {
  return module;
}

/** A service of a module listed earlier in the registry; a clear start-up error otherwise. */
export function requireService<K extends keyof Services>(
  built: Partial<Services>,
  name: K,
  wantedBy: string,
): Services[K] {
  const service = built[name];
  if (service === undefined) {
    throw new Error(`module ${wantedBy} needs service "${name}": list its module earlier`);
  }
  return service as Services[K];
}
