import type { EventSubscriber } from '../../events/domain-events';
import type { Delivery } from '../../messaging/delivery';
import { renderMail } from '../../messaging/templates';
import type { AccountEntity } from '../account/account.entity';

declare module '../../events/domain-events' {
  interface DomainEventCatalog {
    'mfa.enabled': { account: AccountEntity };
    'mfa.disabled': { account: AccountEntity };
    'mfa.backup_codes_regenerated': Record<string, never>;
  }
}

/** Turning two-factor authentication on or off sends a notice that cannot be turned off. */
export function mailMfaNotices(delivery: Delivery): EventSubscriber {
  return (events) => {
    events.inTransaction('mfa.enabled', async ({ data: { account } }, manager) => {
      await delivery.mail(
        renderMail('mfaEnabled', account.locale, account.email, { name: account.fullName }),
        manager,
      );
    });
    events.inTransaction('mfa.disabled', async ({ data: { account } }, manager) => {
      await delivery.mail(
        renderMail('mfaDisabled', account.locale, account.email, { name: account.fullName }),
        manager,
      );
    });
  };
}
