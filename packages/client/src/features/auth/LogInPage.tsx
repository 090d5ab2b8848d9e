import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { TextField } from '../../components/Field';
import { FormAlert } from '../../components/FormAlert';
import { useLogInMutation } from '../../generated/graphql';
import { toApiError, type FieldErrors } from '../../lib/apiError';
import { blankFieldErrors, hasErrors } from '../../lib/forms';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useErrorText } from '../../lib/useErrorText';
import { useFocusFirstInvalid } from '../../lib/useFocusFirstInvalid';
import { AuthLayout } from './AuthLayout';
import { logInNoticeFrom } from './logInNotice';
import { safeNextPath } from './nextPath';
import { writeSignedInAccount } from './signedInAccount';

export function LogInPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  useDocumentTitle(t('auth.logIn.title'));
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const notice = logInNoticeFrom(useLocation().state);
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState({ email: '', password: '' });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  useFocusFirstInvalid(formRef, fieldErrors);

  // On success the account lands in the cache and RedirectIfSignedIn takes the person on.
  const [logIn, { loading }] = useLogInMutation({
    update(cache, { data }) {
      if (data?.logIn.__typename === 'AuthPayload') writeSignedInAccount(cache, data.logIn.account);
    },
  });

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const blank = blankFieldErrors(values, ['email', 'password'], t('form.required'));
    setFieldErrors(blank);
    setAlert(hasErrors(blank) ? t('form.fixErrors') : null);
    if (hasErrors(blank)) return;
    try {
      const { data } = await logIn({ variables: { input: { ...values, issueToken: false } } });
      if (data?.logIn.__typename === 'MfaChallenge') setAlert(t('auth.logIn.mfaUnsupported'));
    } catch (error) {
      const apiError = toApiError(error);
      setFieldErrors(apiError.fieldErrors);
      setAlert(
        apiError.code === 'UNAUTHENTICATED'
          ? t('auth.logIn.invalidCredentials')
          : errorText(apiError),
      );
    }
  }

  function update(name: keyof typeof values, value: string) {
    setValues((current) => ({ ...current, [name]: value }));
  }

  const signUpSearch = next ? `?next=${encodeURIComponent(next)}` : '';
  return (
    <AuthLayout title={t('auth.logIn.title')}>
      {notice === 'signedOutElsewhere' && (
        <p role="status" className="notice">
          {t('auth.logIn.signedOutElsewhere')}
        </p>
      )}
      <form ref={formRef} noValidate onSubmit={(event) => void handleSubmit(event)}>
        <FormAlert message={alert} />
        <TextField
          label={t('auth.email')}
          name="email"
          type="email"
          autoComplete="email"
          required
          value={values.email}
          onChange={(event) => update('email', event.target.value)}
          error={fieldErrors.email}
        />
        <TextField
          label={t('auth.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={values.password}
          onChange={(event) => update('password', event.target.value)}
          error={fieldErrors.password}
        />
        <button type="submit" className="primary" disabled={loading}>
          {loading ? t('auth.logIn.submitting') : t('auth.logIn.submit')}
        </button>
      </form>
      <p className="switch-auth">
        {t('auth.logIn.noAccount')}{' '}
        <Link to={{ pathname: '/signup', search: signUpSearch }}>{t('auth.logIn.signUpLink')}</Link>
      </p>
    </AuthLayout>
  );
}
