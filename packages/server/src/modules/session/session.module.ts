import { defineModule } from '../../core/module';
import { RecentAuthentication } from '../auth/recent-auth';
import { deleteStaleSessionsJob } from './delete-stale-sessions.job';
import { publishSessionEvents } from './session.events';
import { SessionEntity } from './session.entity';
import { SessionResolver } from './session.resolver';
import { SessionService } from './session.service';

declare module '../../core/module' {
  interface Services {
    sessions: SessionService;
    /** Sudo mode: how recently a session confirmed its password. */
    recentAuth: RecentAuthentication;
  }
}

const HOUR_MS = 60 * 60 * 1000;

/** Signed-in devices, their live revocation, and sudo mode. */
export const sessionModule = defineModule({
  name: 'session',
  entities: [SessionEntity],
  resolvers: [SessionResolver],
  services: ({ dataSource, config, events }) => ({
    sessions: new SessionService(dataSource, config.session, events),
    recentAuth: new RecentAuthentication(config.reauthWindowMinutes * 60 * 1000),
  }),
  subscribers: (_, { pubSub }) => [publishSessionEvents(pubSub)],
  jobs: ({ sessions }) => {
    const cleanup = deleteStaleSessionsJob(sessions);
    return { kinds: [cleanup], schedules: [{ job: cleanup, everyMs: HOUR_MS, payload: {} }] };
  },
});
