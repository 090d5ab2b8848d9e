import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { PasswordField, TextField } from '../../components/Field';
import { FormAlert } from '../../components/FormAlert';
import { useLogInMutation } from '../../generated/graphql';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useFormFields } from '../../lib/useFormFields';
import { AuthLayout } from './AuthLayout';
import { logInNoticeFrom } from './logInNotice';
import { MfaCodeStep } from './MfaCodeStep';
import { safeNextPath } from './nextPath';
import { writeSignedInAccount } from './signedInAccount';

export function LogInPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.logIn.title'));
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const notice = logInNoticeFrom(useLocation().state);
  const form = useFormFields({ email: '', password: '' });
  const { values } = form;
  // Set when the password was right and two-factor is on: the code step replaces the form.
  const [challengeId, setChallengeId] = useState<string | null>(null);

  // On success the account lands in the cache and RedirectIfSignedIn takes the person on.
  const [logIn, { loading }] = useLogInMutation({
    update(cache, { data }) {
      if (data?.logIn.__typename === 'AuthPayload') writeSignedInAccount(cache, data.logIn.account);
    },
  });

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!form.check(['email', 'password'])) return;
    try {
      const { data } = await logIn({ variables: { input: { ...values, issueToken: false } } });
      if (data?.logIn.__typename === 'MfaChallenge') {
        form.reset({ ...values, password: '' });
        setChallengeId(data.logIn.challengeId);
      }
    } catch (error) {
      if (form.fail(error).code === 'UNAUTHENTICATED') {
        form.setAlert(t('auth.logIn.invalidCredentials'));
      }
    }
  }

  function backToPassword(alert: string | null) {
    setChallengeId(null);
    form.setAlert(alert);
  }

  if (challengeId) {
    return (
      <AuthLayout title={t('auth.mfa.title')}>
        <MfaCodeStep
          challengeId={challengeId}
          onExpired={() => backToPassword(t('auth.mfa.expired'))}
          onBack={() => backToPassword(null)}
        />
      </AuthLayout>
    );
  }

  const signUpSearch = next ? `?next=${encodeURIComponent(next)}` : '';
  return (
    <AuthLayout title={t('auth.logIn.title')}>
      {notice && (
        <p role="status" className="notice">
          {t(`auth.logIn.notices.${notice}`)}
        </p>
      )}
      <form ref={form.formRef} noValidate onSubmit={(event) => void handleSubmit(event)}>
        <FormAlert message={form.alert} />
        <TextField
          label={t('auth.email')}
          name="email"
          type="email"
          autoComplete="email"
          required
          {...form.bind('email')}
        />
        <PasswordField
          label={t('auth.password')}
          name="password"
          autoComplete="current-password"
          required
          {...form.bind('password')}
        />
        <button type="submit" className="primary" disabled={loading}>
          {loading ? t('auth.logIn.submitting') : t('auth.logIn.submit')}
        </button>
      </form>
      <p className="switch-auth">
        <Link to="/forgot-password">{t('auth.logIn.forgotPassword')}</Link>
      </p>
      <p className="switch-auth">
        {t('auth.logIn.noAccount')}{' '}
        <Link to={{ pathname: '/signup', search: signUpSearch }}>{t('auth.logIn.signUpLink')}</Link>
      </p>
    </AuthLayout>
  );
}
