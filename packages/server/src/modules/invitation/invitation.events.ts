import type { EventSubscriber } from '../../events/domain-events';
import type { Delivery } from '../../messaging/delivery';
import { renderMail, ROLE_LABELS, toLocale } from '../../messaging/templates';
import type { InvitationEntity, InvitationStatus } from './invitation.entity';

declare module '../../events/domain-events' {
  interface DomainEventCatalog {
    /**
     * An invitation was sent (or sent again with a new link). `link` holds its token: it goes
     * into the mail and nowhere else.
     */
    'member.invited': {
      invitation: InvitationEntity;
      organizationName: string;
      /** Who the mail says it is from: the inviting person, or the organization for a key. */
      inviterName: string;
      locale: string;
      link: string;
      resent: boolean;
      /** The account of the invited address, if it has one. */
      inviteeAccountId: string | null;
    };
    /** An invitation was withdrawn; `previousStatus` is PENDING or EXPIRED. */
    'invitation.revoked': { invitation: InvitationEntity; previousStatus: InvitationStatus };
  }
}

export function mailInvitations(delivery: Delivery): EventSubscriber {
  return (events) => {
    events.inTransaction('member.invited', async ({ data }, manager) => {
      const locale = toLocale(data.locale);
      await delivery.mail(
        renderMail('teamInvitation', locale, data.invitation.email, {
          name: data.inviterName,
          organization: data.organizationName,
          role: ROLE_LABELS[locale][data.invitation.role],
          link: data.link,
        }),
        manager,
      );
    });
  };
}
