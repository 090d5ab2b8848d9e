import { defineModule, requireService } from '../../core/module';
import { MembershipService } from './membership.service';
import { OrganizationEntity } from './organization.entity';
import { OrganizationResolver } from './organization.resolver';
import { OrganizationService } from './organization.service';
import { PlanCatalog } from './plans';
import { TeamMemberEntity } from './team-member.entity';
import { TeamResolver } from './team.resolver';

declare module '../../core/module' {
  interface Services {
    plans: PlanCatalog;
    organizations: OrganizationService;
    memberships: MembershipService;
  }
}

/** Organizations, their team and plan seats. */
export const organizationModule = defineModule({
  name: 'organization',
  entities: [OrganizationEntity, TeamMemberEntity],
  resolvers: [OrganizationResolver, TeamResolver],
  services: ({ dataSource, config, events }, built) => {
    const plans = new PlanCatalog(config.planSeats, config.planLimits);
    return {
      plans,
      organizations: new OrganizationService(dataSource, plans, events),
      memberships: new MembershipService(
        dataSource,
        requireService(built, 'recentAuth', 'organization'),
        events,
      ),
    };
  },
});
