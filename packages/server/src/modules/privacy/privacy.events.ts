import type { EventSubscriber } from '../../events/domain-events';
import type { Delivery } from '../../messaging/delivery';
import { renderMail, toLocale } from '../../messaging/templates';
import type { AccountEntity } from '../account/account.entity';
import type { OneTimeTokenService } from '../tokens/one-time-token.service';
import type { DataExportEntity } from './data-export.entity';
import type { RecordingsDeletionRequestEntity } from './recordings-deletion.entity';

declare module '../../events/domain-events' {
  interface DomainEventCatalog {
    'data_export.requested': { dataExport: DataExportEntity };
    /** `link` is the page the archive is downloaded from (it needs the signed-in owner). */
    'data_export.ready': { account: AccountEntity; dataExport: DataExportEntity; link: string };
    'data_export.downloaded': { dataExport: DataExportEntity };
    'account.deactivated': Record<string, never>;
    /** The right password to a deactivated account: a reactivation link goes to its address. */
    'account.reactivation_requested': { account: AccountEntity };
    'account.reactivated': Record<string, never>;
    'account.deletion_scheduled': { account: AccountEntity; link: string };
    'account.deletion_cancelled': Record<string, never>;
    /**
     * The account is erased. `accountId` lets other services erase what they hold about it;
     * `deletionId` names the pseudonymous record that stays.
     */
    'account.deleted': { accountId: string; deletionId: string; organizationIds: string[] };
    'recordings.deletion_requested': { request: RecordingsDeletionRequestEntity };
    'recordings.deletion_completed': { request: RecordingsDeletionRequestEntity };
  }
}

/** A reactivation link works for a day. */
const REACTIVATION_LINK_MS = 24 * 60 * 60 * 1000;

function longDate(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(toLocale(locale), { dateStyle: 'long', timeZone: 'UTC' }).format(
    date,
  );
}

/** The notices of this module: an export is ready, a reactivation link, a deletion's date. */
export function mailPrivacyNotices(
  delivery: Delivery,
  tokens: OneTimeTokenService,
): EventSubscriber {
  return (events) => {
    events.inTransaction('data_export.ready', async ({ data }, manager) => {
      const { account, dataExport, link } = data;
      const date = longDate(dataExport.expiresAt ?? new Date(), account.locale);
      await delivery.mail(
        renderMail('dataExportReady', account.locale, account.email, {
          name: account.fullName,
          link,
          date,
        }),
        manager,
      );
    });
    events.inTransaction('account.reactivation_requested', async ({ data }, manager) => {
      const { account } = data;
      const token = await tokens.issueLink(
        account.id,
        'REACTIVATE',
        REACTIVATION_LINK_MS,
        null,
        manager,
      );
      const link = delivery.link('/reactivate', token);
      await delivery.mail(
        renderMail('reactivateAccount', account.locale, account.email, {
          name: account.fullName,
          link,
        }),
        manager,
      );
    });
    events.inTransaction('account.deletion_scheduled', async ({ data }, manager) => {
      const { account, link } = data;
      const date = longDate(account.deletionScheduledFor ?? new Date(), account.locale);
      await delivery.mail(
        renderMail('accountDeletionScheduled', account.locale, account.email, {
          name: account.fullName,
          link,
          date,
        }),
        manager,
      );
    });
  };
}
