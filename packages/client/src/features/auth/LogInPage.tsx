import { useEffect, useEffectEvent, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { PasswordField, TextField } from '../../components/Field';
import { FormAlert } from '../../components/FormAlert';
import { useLogInMutation } from '../../generated/graphql';
import { toApiError } from '../../lib/apiError';
import { useErrorText } from '../../lib/useErrorText';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useFormFields } from '../../lib/useFormFields';
import { AuthLayout } from './AuthLayout';
import { logInNoticeFrom } from './logInNotice';
import {
  cancelPasskeyRequest,
  isCancelled,
  passkeyAutofillSupported,
  passkeysSupported,
} from '../passkeys/webauthn';
import { MfaCodeStep, type Challenge } from './MfaCodeStep';
import { usePasskeySignIn } from './usePasskeySignIn';
import { safeNextPath } from './nextPath';
import { writeSignedInAccount } from './signedInAccount';

export function LogInPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.logIn.title'));
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const notice = logInNoticeFrom(useLocation().state);
  const errorText = useErrorText();
  const form = useFormFields({ email: '', password: '' });
  const { values } = form;
  // Set when the password was right and two-factor is on: the code step replaces the form.
  const [challenge, setChallenge] = useState<Challenge | null>(null);
  const signInWithPasskey = usePasskeySignIn();
  const [passkeyBusy, setPasskeyBusy] = useState(false);
  const { setAlert } = form;

  // The browser's autofill offers passkeys in the email field (conditional mediation), while
  // the password form stays usable; leaving the page withdraws the request.
  const offerPasskeysInAutofill = useEffectEvent((active: () => boolean) => {
    signInWithPasskey(true).catch((error: unknown) => {
      if (active() && !isCancelled(error)) setAlert(errorText(toApiError(error)));
    });
  });
  useEffect(() => {
    if (challenge) return;
    let active = true;
    void passkeyAutofillSupported().then((supported) => {
      if (supported && active) offerPasskeysInAutofill(() => active);
    });
    return () => {
      active = false;
      cancelPasskeyRequest();
    };
  }, [challenge]);

  async function passkeyButton() {
    setAlert(null);
    setPasskeyBusy(true);
    try {
      await signInWithPasskey(false);
    } catch (error) {
      if (!isCancelled(error)) setAlert(errorText(toApiError(error)));
    } finally {
      setPasskeyBusy(false);
    }
  }

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
        setChallenge(data.logIn);
      }
    } catch (error) {
      if (form.fail(error).code === 'UNAUTHENTICATED') {
        form.setAlert(t('auth.logIn.invalidCredentials'));
      }
    }
  }

  function backToPassword(alert: string | null) {
    setChallenge(null);
    form.setAlert(alert);
  }

  if (challenge) {
    return (
      <AuthLayout title={t('auth.mfa.title')}>
        <MfaCodeStep
          challenge={challenge}
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
          autoComplete="username webauthn"
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
      {passkeysSupported() && (
        <div className="passkey-sign-in">
          <p className="divider-text">{t('auth.passkey.or')}</p>
          <button type="button" disabled={passkeyBusy} onClick={() => void passkeyButton()}>
            {passkeyBusy ? t('auth.passkey.waiting') : t('auth.passkey.signIn')}
          </button>
        </div>
      )}
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
