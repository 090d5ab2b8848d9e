import type { EventSubscriber } from '../../events/domain-events';
import type { Delivery } from '../../messaging/delivery';
import { renderMail } from '../../messaging/templates';
import type { AccountEntity } from '../account/account.entity';
import type { AuthMethodName } from '../security-events/security-event.entity';
import type { SessionEntity } from '../session/session.entity';

declare module '../../events/domain-events' {
  interface DomainEventCatalog {
    'account.signed_up': { account: AccountEntity };
    /** `method`: how the person proved it was them (the password, a passkey, a second factor). */
    'account.signed_in': {
      account: AccountEntity;
      session: SessionEntity;
      newDevice: boolean;
      method: AuthMethodName;
    };
    /**
     * A wrong password for an existing account (an unknown address records nothing), or a
     * passkey of the account that failed its checks.
     */
    'account.sign_in_failed': { method?: AuthMethodName };
    'password.changed': { account: AccountEntity };
    'password.reset': { account: AccountEntity };
    /** `link` holds the single-use reset token: it goes into the mail and nowhere else. */
    'password.reset_requested': { account: AccountEntity; link: string };
  }
}

/** Security notices by mail: not subject to notification preferences. */
export function mailAuthNotices(delivery: Delivery): EventSubscriber {
  return (events) => {
    events.inTransaction('account.signed_in', async ({ data }, manager) => {
      if (!data.newDevice) return;
      const { account, session } = data;
      await delivery.mail(
        renderMail('newSignIn', account.locale, account.email, {
          name: account.fullName,
          device:
            session.browser && session.os
              ? `${session.browser} · ${session.os}`
              : 'an unknown device',
          place: session.location ?? session.ipAddress ?? 'an unknown place',
        }),
        manager,
      );
    });
    events.inTransaction(['password.changed', 'password.reset'], async ({ data }, manager) => {
      const { account } = data;
      await delivery.mail(
        renderMail('passwordChanged', account.locale, account.email, { name: account.fullName }),
        manager,
      );
    });
    events.inTransaction('password.reset_requested', async ({ data }, manager) => {
      const { account, link } = data;
      await delivery.mail(
        renderMail('passwordReset', account.locale, account.email, {
          name: account.fullName,
          link,
        }),
        manager,
      );
    });
  };
}
