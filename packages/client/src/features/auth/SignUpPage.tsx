import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PasswordField, TextField } from '../../components/Field';
import { FormAlert } from '../../components/FormAlert';
import { useSignUpMutation } from '../../generated/graphql';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useFormFields } from '../../lib/useFormFields';
import { detectedTimeZone } from '../profile/regions';
import { AuthLayout } from './AuthLayout';
import { safeNextPath } from './nextPath';
import { writeSignedInAccount } from './signedInAccount';

export function SignUpPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.signUp.title'));
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  // An invitation link passes the invited address along, so it need not be typed again.
  const form = useFormFields({
    fullName: '',
    email: searchParams.get('email') ?? '',
    password: '',
  });
  const { values } = form;

  // On success the account lands in the cache and RedirectIfSignedIn takes the person on.
  const [signUp, { loading }] = useSignUpMutation({
    update(cache, { data }) {
      if (data) writeSignedInAccount(cache, data.signUp.account);
    },
  });

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!form.check(['fullName', 'email', 'password'])) return;
    try {
      // The browser knows where the person is; the profile can change it later.
      const timezone = detectedTimeZone();
      await signUp({
        variables: { input: { ...values, ...(timezone ? { timezone } : {}), issueToken: false } },
      });
    } catch (error) {
      form.fail(error);
    }
  }

  const logInSearch = next ? `?next=${encodeURIComponent(next)}` : '';
  return (
    <AuthLayout title={t('auth.signUp.title')}>
      <form ref={form.formRef} noValidate onSubmit={(event) => void handleSubmit(event)}>
        <FormAlert message={form.alert} />
        <TextField
          label={t('auth.fullName')}
          name="fullName"
          autoComplete="name"
          required
          {...form.bind('fullName')}
        />
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
          autoComplete="new-password"
          required
          hint={t('auth.signUp.passwordHint')}
          {...form.bind('password')}
        />
        <button type="submit" className="primary" disabled={loading}>
          {loading ? t('auth.signUp.submitting') : t('auth.signUp.submit')}
        </button>
      </form>
      <p className="switch-auth">
        {t('auth.signUp.haveAccount')}{' '}
        <Link to={{ pathname: '/login', search: logInSearch }}>{t('auth.signUp.logInLink')}</Link>
      </p>
    </AuthLayout>
  );
}
