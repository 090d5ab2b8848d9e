import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/Field';
import { FormAlert } from '../../components/FormAlert';
import { useRequestEmailChangeMutation } from '../../generated/graphql';
import { useFormFields } from '../../lib/useFormFields';
import { useCurrentAccount } from '../auth/CurrentAccount';

/**
 * Profile → Email: the address and whether it is confirmed, and a change of address. The change
 * only sends a link to the new address; the address changes when that link is opened.
 */
export function EmailSection() {
  const { t } = useTranslation();
  const account = useCurrentAccount();
  const form = useFormFields({ newEmail: '', password: '' });
  const { values } = form;
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [requestEmailChange, { loading }] = useRequestEmailChangeMutation();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSentTo(null);
    if (!form.check(['newEmail', 'password'])) return;
    const newEmail = values.newEmail.trim();
    try {
      await requestEmailChange({ variables: { input: { newEmail, password: values.password } } });
      form.reset();
      setSentTo(newEmail);
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
        <TextField
          label={t('email.password')}
          name="password"
          type="password"
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
            {sentTo && t('email.sent', { email: sentTo })}
          </p>
        </div>
      </form>
    </section>
  );
}
