import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert';
import { useToast } from '../../components/Toast';
import { useCancelAccountDeletionMutation } from '../../generated/graphql';
import { toApiError } from '../../lib/apiError';
import { useDateTimeFormat } from '../../lib/dateTime';
import { useErrorText } from '../../lib/useErrorText';
import type { CurrentAccount } from '../auth/CurrentAccount';

/**
 * Across the signed-in app while the account's deletion is scheduled: the date, and a way to keep
 * the account. The answer updates `me` in the cache, so the banner goes by itself.
 */
export function PendingDeletionBanner({ account }: { account: CurrentAccount }) {
  const { t } = useTranslation();
  const toast = useToast();
  const errorText = useErrorText();
  const format = useDateTimeFormat(account.timezone);
  const [alert, setAlert] = useState<string | null>(null);
  const [cancelAccountDeletion, { loading }] = useCancelAccountDeletionMutation();

  async function keep() {
    setAlert(null);
    try {
      await cancelAccountDeletion();
      toast(t('privacy.deletionCancelled'));
    } catch (error) {
      setAlert(errorText(toApiError(error)));
    }
  }

  return (
    <section className="verify-banner" aria-labelledby="deletion-banner-title">
      <div className="verify-banner-text">
        <p id="deletion-banner-title" className="verify-banner-title">
          {t('privacy.pendingBanner', {
            date: account.deletionScheduledFor ? format(account.deletionScheduledFor) : '',
          })}
        </p>
      </div>
      <div className="form-actions">
        <button type="button" className="primary" disabled={loading} onClick={() => void keep()}>
          {loading ? t('privacy.cancelling') : t('privacy.cancelDeletion')}
        </button>
      </div>
      <FormAlert message={alert} />
    </section>
  );
}
