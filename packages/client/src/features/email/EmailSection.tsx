import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordField, TextField } from '../../components/Field';
import { FormAlert } from '../../components/FormAlert';
import { useRequestEmailChangeMutation } from '../../generated/graphql';
import { useFormFields } from '../../lib/useFormFields';
import { useCurrentAccount } from '../auth/CurrentAccount';
import { setPendingEmail, usePendingEmailChange } from './pendingEmailChange';

/**
 * Profile → Email: the address and whether it is confirmed, and a change of address. The change
 * only sends a link to the new address; the address changes when that link is opened.
 */
export function EmailSection() {
  const { t } = useTranslation();
  const account = useCurrentAccount();
  const form = useFormFields({ newEmail: '', password: '' });
  const { values } = form;
  const [status, setStatus] = useState<string | null>(null);
  const [requestEmailChange, { loading }] = useRequestEmailChangeMutation();
  const pending = usePendingEmailChange(account.id, {
    onCancelled: (email) => {
      form.setAlert(null);
      setStatus(t('email.cancelled', { email }));
    },
    onError: (error) => {
      setStatus(null);
      form.fail(error);
    },
  });

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setStatus(null);
    if (!form.check(['newEmail', 'password'])) return;
    const newEmail = values.newEmail.trim();
    try {
      await requestEmailChange({
        variables: { input: { newEmail, password: values.password } },
        update: (cache) => setPendingEmail(cache, account.id, newEmail),
      });
      form.reset();
      setStatus(t('email.sent', { email: newEmail }));
    } catch (error) {
      form.fail(error);
    }
  }

  return (
    <section className="settings-section" aria-labelledby="email-title">
      <h2 id="email-title">{t('email.title')}</h2>
      <p className="current-value">
        {t('email.current')} <strong>{account.email}</strong>{' '}
        {account.emailVerified ? (
          <span className="badge">{t('email.verified')}</span>
        ) : (
          <span className="badge badge-warning">{t('email.unverified')}</span>
        )}
      </p>
      {account.pendingEmail && (
        <p className="current-value">
          {t('email.pending', { email: account.pendingEmail })}{' '}
          <button type="button" disabled={pending.cancelling} onClick={() => void pending.cancel()}>
            {pending.cancelling ? t('email.cancelling') : t('email.cancelChange')}
          </button>
        </p>
      )}
      <form
        ref={form.formRef}
        className="settings-form"
        aria-labelledby="email-change-title"
        noValidate
        onSubmit={(event) => void handleSubmit(event)}
      >
        <h3 id="email-change-title">{t('email.changeTitle')}</h3>
        <FormAlert message={form.alert} />
        <TextField
          label={t('email.newEmail')}
          name="newEmail"
          type="email"
          autoComplete="email"
          required
          {...form.bind('newEmail')}
        />
        <PasswordField
          label={t('email.password')}
          name="password"
          autoComplete="current-password"
          required
          hint={t('email.passwordHint')}
          {...form.bind('password')}
        />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={loading}>
            {loading ? t('email.sending') : t('email.send')}
          </button>
          <p role="status" className="form-status">
            {status}
          </p>
        </div>
      </form>
    </section>
  );
}
