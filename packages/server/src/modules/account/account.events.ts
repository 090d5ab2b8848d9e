import type { EventSubscriber } from '../../events/domain-events';
import type { Delivery } from '../../messaging/delivery';
import { renderMail } from '../../messaging/templates';
import type { AccountEntity } from './account.entity';

declare module '../../events/domain-events' {
  interface DomainEventCatalog {
    /** `link` holds the single-use token: it goes into the mail and nowhere else. */
    'email.verification_requested': { account: AccountEntity; link: string };
    'email.change_requested': { account: AccountEntity; newEmail: string; link: string };
    'email.changed': { previousEmail: string; email: string };
    'phone.changed': { phone: string };
    'phone.removed': { previousPhone: string };
  }
}

/** The links that verify an address, and the notice to the old address of a change. */
export function mailAccountNotices(delivery: Delivery): EventSubscriber {
  return (events) => {
    events.inTransaction('email.verification_requested', async ({ data }, manager) => {
      const { account, link } = data;
      await delivery.mail(
        renderMail('verifyEmail', account.locale, account.email, { name: account.fullName, link }),
        manager,
      );
    });
    events.inTransaction('email.change_requested', async ({ data }, manager) => {
      const { account, newEmail, link } = data;
      const values = { name: account.fullName, newEmail };
      await delivery.mail(
        renderMail('emailChangeVerify', account.locale, newEmail, { ...values, link }),
        manager,
      );
      await delivery.mail(
        renderMail('emailChangeNotice', account.locale, account.email, values),
        manager,
      );
    });
  };
}
