import type { EventSubscriber } from '../../events/domain-events';
import type { Delivery } from '../../messaging/delivery';
import { renderMail } from '../../messaging/templates';
import type { AccountEntity } from '../account/account.entity';

declare module '../../events/domain-events' {
  interface DomainEventCatalog {
    'passkey.added': { account: AccountEntity; passkeyName: string };
    'passkey.removed': { account: AccountEntity; passkeyName: string };
  }
}

/** A passkey added or removed is a security notice, which cannot be turned off. */
export function mailPasskeyNotices(delivery: Delivery): EventSubscriber {
  return (events) => {
    events.inTransaction('passkey.added', async ({ data: { account, passkeyName } }, manager) => {
      await delivery.mail(
        renderMail('passkeyAdded', account.locale, account.email, {
          name: account.fullName,
          passkey: passkeyName,
        }),
        manager,
      );
    });
    events.inTransaction('passkey.removed', async ({ data: { account, passkeyName } }, manager) => {
      await delivery.mail(
        renderMail('passkeyRemoved', account.locale, account.email, {
          name: account.fullName,
          passkey: passkeyName,
        }),
        manager,
      );
    });
  };
}
