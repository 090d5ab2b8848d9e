import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useReactivateAccountMutation } from '../../generated/graphql';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { AuthLayout } from '../auth/AuthLayout';

/** The mailed reactivation link: uses the token once, then sends the person to sign in. */
export function ReactivatePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('privacy.reactivateTitle'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [reactivateAccount, { data, error }] = useReactivateAccountMutation();
  const sent = useRef(false);

  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    void reactivateAccount({ variables: { token } }).catch(() => undefined);
  }, [reactivateAccount, token]);

  const message = data?.reactivateAccount
    ? t('privacy.reactivated')
    : error
      ? t('privacy.reactivateFailed')
      : t('privacy.reactivating');
  return (
    <AuthLayout title={t('privacy.reactivateTitle')}>
      <p role="status">{message}</p>
      {(data || error) && <Link to="/login">{t('privacy.goToLogin')}</Link>}
    </AuthLayout>
  );
}
