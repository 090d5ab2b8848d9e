import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField, PasswordField } from '../../components/Field';
import { FormAlert } from '../../components/FormAlert';
import { useChangePasswordMutation } from '../../generated/graphql';
import { useFormFields } from '../../lib/useFormFields';
import { useCurrentAccount } from '../auth/CurrentAccount';
import { keepOnlyCurrentSession } from '../sessions/sessionsCache';
import { confirmationProblem, NewPasswordFields } from './NewPasswordFields';

const EMPTY = {
  currentPassword: '',
  newPassword: '',
  confirmPassword: '',
  signOutOtherSessions: false,
};

type Status = 'changed' | 'changedAndSignedOut' | null;

/** Security → Password: a new password for the current one, optionally ending other sessions. */
export function ChangePasswordSection() {
  const { t } = useTranslation();
  const account = useCurrentAccount();
  const form = useFormFields(EMPTY);
  const { values, update, fieldErrors } = form;
  const [status, setStatus] = useState<Status>(null);
  const [changePassword, { loading }] = useChangePasswordMutation();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setStatus(null);
    const mismatch = confirmationProblem(values, t('password.mismatch'));
    const ready = form.check(['currentPassword', 'newPassword', 'confirmPassword'], {
      confirmPassword: mismatch,
    });
    if (!ready) return;
    const { currentPassword, newPassword, signOutOtherSessions } = values;
    try {
      await changePassword({
        variables: { input: { currentPassword, newPassword, signOutOtherSessions } },
        update: (cache) => {
          if (signOutOtherSessions) keepOnlyCurrentSession(cache);
        },
      });
      form.reset();
      setStatus(signOutOtherSessions ? 'changedAndSignedOut' : 'changed');
    } catch (error) {
      form.fail(error);
    }
  }

  return (
    <section className="settings-section" aria-labelledby="password-title">
      <h2 id="password-title">{t('password.title')}</h2>
      <p className="intro">{t('password.intro')}</p>
      <form
        ref={form.formRef}
        className="settings-form"
        noValidate
        onSubmit={(event) => void handleSubmit(event)}
      >
        <FormAlert message={form.alert} />
        <PasswordField
          label={t('password.currentPassword')}
          name="currentPassword"
          autoComplete="current-password"
          required
          {...form.bind('currentPassword')}
        />
        <NewPasswordFields
          values={values}
          fieldErrors={fieldErrors}
          onChange={(name, value) => update(name, value)}
          email={account.email}
        />
        <CheckboxField
          label={t('password.signOutOthers')}
          name="signOutOtherSessions"
          checked={values.signOutOtherSessions}
          onChange={(event) => update('signOutOtherSessions', event.target.checked)}
        />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={loading}>
            {loading ? t('password.changing') : t('password.change')}
          </button>
          <p role="status" className="form-status">
            {status && t(`password.status.${status}`)}
          </p>
        </div>
      </form>
    </section>
  );
}
