import { defineModule, requireService } from '../../core/module';
import { InvitationLinkService } from './invitation-link.service';
import { InvitationEntity } from './invitation.entity';
import { mailInvitations } from './invitation.events';
import { InvitationResolver } from './invitation.resolver';
import { InvitationService } from './invitation.service';

declare module '../../core/module' {
  interface Services {
    invitations: InvitationService;
    invitationLinks: InvitationLinkService;
  }
}

/** Invitations by email, and accepting them by link. */
export const invitationModule = defineModule({
  name: 'invitation',
  entities: [InvitationEntity],
  resolvers: [InvitationResolver],
  services: ({ dataSource, delivery, limits, events }, built) => ({
    invitations: new InvitationService(
      dataSource,
      requireService(built, 'plans', 'invitation'),
      delivery,
      limits,
      events,
    ),
    invitationLinks: new InvitationLinkService(dataSource, limits, events),
  }),
  subscribers: (_, { delivery }) => [mailInvitations(delivery)],
});
