import { defineModule } from '../../core/module';
import { SecurityEventEntity } from './security-event.entity';
import { SecurityEventResolver } from './security-event.resolver';
import { SecurityEventService } from './security-event.service';
import { recordTimeline } from './timeline.subscriber';

declare module '../../core/module' {
  interface Services {
    securityEvents: SecurityEventService;
  }
}

/** A person's security timeline, written from domain events. */
export const securityEventsModule = defineModule({
  name: 'security-events',
  entities: [SecurityEventEntity],
  resolvers: [SecurityEventResolver],
  services: ({ dataSource }) => ({ securityEvents: new SecurityEventService(dataSource) }),
  subscribers: ({ securityEvents }) => [recordTimeline(securityEvents)],
});
