import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { FormAlert } from '../../components/FormAlert';
import { useResetPasswordMutation } from '../../generated/graphql';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useFormFields } from '../../lib/useFormFields';
import { AuthLayout } from '../auth/AuthLayout';
import { useLeaveSignedInApp } from '../auth/useLeaveSignedInApp';
import { confirmationProblem, NewPasswordFields } from './NewPasswordFields';

/**
 * `/reset-password?token=…`, the link mailed by "Forgot your password?". Resetting signs out
 * every session (this browser's too, if it had one), so success leads to the login page.
 */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('resetPassword.title'));
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token') ?? '';
  const leaveSignedInApp = useLeaveSignedInApp();
  const form = useFormFields({ newPassword: '', confirmPassword: '' });
  const { values, update, fieldErrors } = form;
  const [resetPassword, { loading }] = useResetPasswordMutation();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const mismatch = confirmationProblem(values, t('password.mismatch'));
    if (!form.check(['newPassword', 'confirmPassword'], { confirmPassword: mismatch })) return;
    try {
      await resetPassword({ variables: { input: { token, newPassword: values.newPassword } } });
      await leaveSignedInApp({ notice: 'passwordReset' });
    } catch (error) {
      // A bad link has no field here: the alert says so, with a way to get a new one.
      if (form.fail(error).fieldProblems.token) form.setAlert(t('resetPassword.badLink'));
    }
  }

  const linkBroken = token === '' || Boolean(fieldErrors.token);
  return (
    <AuthLayout title={t('resetPassword.title')}>
      {token === '' ? (
        <FormAlert message={t('resetPassword.badLink')} />
      ) : (
        <form ref={form.formRef} noValidate onSubmit={(event) => void handleSubmit(event)}>
          <FormAlert message={form.alert} />
          <NewPasswordFields values={values} fieldErrors={fieldErrors} onChange={update} />
          <button type="submit" className="primary" disabled={loading}>
            {loading ? t('resetPassword.submitting') : t('resetPassword.submit')}
          </button>
        </form>
      )}
      <p className="switch-auth">
        {linkBroken ? (
          <Link to="/forgot-password">{t('resetPassword.newLink')}</Link>
        ) : (
          <Link to="/login">{t('forgotPassword.backToLogIn')}</Link>
        )}
      </p>
    </AuthLayout>
  );
}
