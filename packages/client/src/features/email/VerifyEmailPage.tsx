import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { FormAlert } from '../../components/FormAlert';
import { MeDocument, useConfirmEmailChangeMutation, useMeQuery } from '../../generated/graphql';
import { toApiError, type ApiError } from '../../lib/apiError';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useErrorText } from '../../lib/useErrorText';
import { AuthLayout } from '../auth/AuthLayout';
import { DEFAULT_SIGNED_IN_PATH } from '../auth/nextPath';
import { writeSignedInAccount } from '../auth/signedInAccount';

type Outcome =
  | { state: 'confirming' }
  | { state: 'confirmed'; email: string }
  | { state: 'failed'; message: string };

/**
 * `/verify-email?token=…`, the link mailed at sign-up and for an email change. It works signed
 * in or out, and redeems the token once on arrival: a link works only once, so the extra effect
 * run of React's StrictMode must not send it a second time. It waits for `me` first, so that a
 * `me` answered before the change cannot land in the cache after it.
 */
export function VerifyEmailPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  useDocumentTitle(t('verifyEmail.title'));
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const me = useMeQuery();
  const meKnown = Boolean(me.data) || Boolean(me.error);
  const [outcome, setOutcome] = useState<Outcome>(() =>
    token ? { state: 'confirming' } : { state: 'failed', message: t('verifyEmail.badLink') },
  );
  const redeemedToken = useRef<string | null>(null);
  const [confirmEmailChange] = useConfirmEmailChangeMutation({
    update(cache, { data }) {
      // The answer updates Account:<id> in the cache; this says outright that it is `me`.
      const account = data?.confirmEmailChange;
      const cached = cache.readQuery({ query: MeDocument });
      if (account && cached?.me?.id === account.id) writeSignedInAccount(cache, account);
    },
  });

  useEffect(() => {
    if (!token || !meKnown || redeemedToken.current === token) return;
    redeemedToken.current = token;

    function failureText(apiError: ApiError): string {
      if (apiError.code === 'CONFLICT') return t('verifyEmail.addressTaken');
      if (apiError.fieldProblems.token) return t('verifyEmail.badLink');
      return errorText(apiError);
    }
    confirmEmailChange({ variables: { token } }).then(
      ({ data }) => {
        const email = data?.confirmEmailChange.email;
        setOutcome(
          email ? { state: 'confirmed', email } : { state: 'failed', message: t('errors.generic') },
        );
      },
      (error: unknown) => setOutcome({ state: 'failed', message: failureText(toApiError(error)) }),
    );
  }, [token, meKnown, confirmEmailChange, errorText, t]);

  const signedIn = Boolean(me.data?.me);
  return (
    <AuthLayout title={t('verifyEmail.title')}>
      <p role="status" className={outcome.state === 'confirmed' ? 'notice' : undefined}>
        {outcome.state === 'confirming' && t('verifyEmail.confirming')}
        {outcome.state === 'confirmed' && t('verifyEmail.confirmed', { email: outcome.email })}
      </p>
      <FormAlert message={outcome.state === 'failed' ? outcome.message : null} />
      {outcome.state !== 'confirming' && meKnown && (
        <p className="switch-auth">
          {signedIn ? (
            <Link to={DEFAULT_SIGNED_IN_PATH}>{t('verifyEmail.toProfile')}</Link>
          ) : (
            <Link to="/login">{t('verifyEmail.toLogIn')}</Link>
          )}
        </p>
      )}
    </AuthLayout>
  );
}
