import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TextField } from '../../components/Field';
import { FormAlert } from '../../components/FormAlert';
import { useRequestPasswordResetMutation } from '../../generated/graphql';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useFormFields } from '../../lib/useFormFields';
import { AuthLayout } from '../auth/AuthLayout';

/**
 * `/forgot-password`: asks for a reset link. The answer is the same whether or not the address
 * has an account, so this page never tells who has one.
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('forgotPassword.title'));
  const form = useFormFields({ email: '' });
  const { values } = form;
  const [sent, setSent] = useState(false);
  const [requestPasswordReset, { loading }] = useRequestPasswordResetMutation();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSent(false);
    if (!form.check(['email'])) return;
    try {
      await requestPasswordReset({ variables: { email: values.email.trim() } });
      setSent(true);
    } catch (error) {
      form.fail(error);
    }
  }

  return (
    <AuthLayout title={t('forgotPassword.title')}>
      <p className="intro">{t('forgotPassword.intro')}</p>
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
        <button type="submit" className="primary" disabled={loading}>
          {loading ? t('forgotPassword.sending') : t('forgotPassword.submit')}
        </button>
        <p role="status" className={sent ? 'notice sent-notice' : undefined}>
          {sent && t('forgotPassword.sent')}
        </p>
      </form>
      <p className="switch-auth">
        <Link to="/login">{t('forgotPassword.backToLogIn')}</Link>
      </p>
    </AuthLayout>
  );
}
