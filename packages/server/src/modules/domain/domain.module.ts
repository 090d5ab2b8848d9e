import { defineModule } from '../../core/module';
import { createTxtLookup } from '../../lib/dns-txt';
import { DomainEntity } from './domain.entity';
import { DomainResolver } from './domain.resolver';
import { DomainService } from './domain.service';

declare module '../../core/module' {
  interface Services {
    domains: DomainService;
  }
}

/** An organization's verified domains (DNS TXT). */
export const domainModule = defineModule({
  name: 'domain',
  entities: [DomainEntity],
  resolvers: [DomainResolver],
  services: ({ dataSource, config, limits, logger, events }) => ({
    domains: new DomainService(
      dataSource,
      createTxtLookup(config.dnsServers),
      limits,
      logger,
      events,
    ),
  }),
});
