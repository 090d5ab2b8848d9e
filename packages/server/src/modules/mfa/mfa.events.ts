import type { EventSubscriber } from '../../events/domain-events';
import type { Delivery } from '../../messaging/delivery';
import { renderMail } from '../../messaging/templates';
import type { AccountEntity } from '../account/account.entity';
import type { MfaMethod } from './mfa-methods';

declare module '../../events/domain-events' {
  interface DomainEventCatalog {
    /** The first method turned MFA on. */
    'mfa.enabled': { account: AccountEntity; method: MfaMethod };
    /** Every method is off. */
    'mfa.disabled': { account: AccountEntity };
    /** A second method beside the one that was on, or one of two removed. */
    'mfa.method_added': { account: AccountEntity; method: MfaMethod };
    'mfa.method_removed': { account: AccountEntity; method: MfaMethod };
    'mfa.default_method_changed': { method: MfaMethod };
    'mfa.backup_codes_regenerated': Record<string, never>;
  }
}

/**
 * Turning two-factor authentication on or off, and adding or removing a method, sends a notice
 * that cannot be turned off.
 */
export function mailMfaNotices(delivery: Delivery): EventSubscriber {
  return (events) => {
    events.inTransaction('mfa.enabled', async ({ data: { account } }, manager) => {
      await delivery.mail(
        renderMail('mfaEnabled', account.locale, account.email, { name: account.fullName }),
        manager,
      );
    });
    events.inTransaction(
      ['mfa.method_added', 'mfa.method_removed'],
      async ({ type, data: { account, method } }, manager) => {
        await delivery.mail(
          renderMail(
            type === 'mfa.method_added' ? 'mfaMethodAdded' : 'mfaMethodRemoved',
            account.locale,
            account.email,
            { name: account.fullName, method: methodName(method, account.locale) },
          ),
          manager,
        );
      },
    );
    events.inTransaction('mfa.disabled', async ({ data: { account } }, manager) => {
      await delivery.mail(
        renderMail('mfaDisabled', account.locale, account.email, { name: account.fullName }),
        manager,
      );
    });
  };
}

/** The method as the notice names it, in the reader's language. */
function methodName(method: MfaMethod, locale: string): string {
  const names = {
    en: { TOTP: 'an authenticator app', SMS: 'text-message codes', PASSKEY: 'a passkey' },
    es: {
      TOTP: 'una aplicación de autenticación',
      SMS: 'códigos por SMS',
      PASSKEY: 'una llave de acceso',
    },
  };
  return names[locale === 'es' ? 'es' : 'en'][method];
}
