import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert';
import { useResendVerificationEmailMutation } from '../../generated/graphql';
import { toApiError } from '../../lib/apiError';
import { useErrorText } from '../../lib/useErrorText';
import type { CurrentAccount } from '../auth/CurrentAccount';

/**
 * Shown across the signed-in app while the account's address is unconfirmed, with a way to get
 * the link again. It goes away by itself once `me.emailVerified` turns true in the cache.
 */
export function UnverifiedEmailBanner({ account }: { account: CurrentAccount }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [sent, setSent] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const [resendVerificationEmail, { loading }] = useResendVerificationEmailMutation({
    update(cache, { data }) {
      // false: the address was confirmed meanwhile (in another tab, say).
      if (data?.resendVerificationEmail !== false) return;
      cache.modify({
        id: cache.identify({ __typename: 'Account', id: account.id }),
        fields: { emailVerified: () => true },
      });
    },
  });

  async function resend() {
    setSent(false);
    setAlert(null);
    try {
      const { data } = await resendVerificationEmail();
      setSent(data?.resendVerificationEmail === true);
    } catch (error) {
      setAlert(errorText(toApiError(error)));
    }
  }

  return (
    <section className="verify-banner" aria-labelledby="verify-banner-title">
      <div className="verify-banner-text">
        <p id="verify-banner-title" className="verify-banner-title">
          {t('verifyBanner.title')}
        </p>
        <p>{t('verifyBanner.body', { email: account.email })}</p>
      </div>
      <div className="form-actions">
        <button type="button" disabled={loading} onClick={() => void resend()}>
          {loading ? t('verifyBanner.resending') : t('verifyBanner.resend')}
        </button>
        <p role="status" className="form-status">
          {sent && t('verifyBanner.sent', { email: account.email })}
        </p>
      </div>
      <FormAlert message={alert} />
    </section>
  );
}
