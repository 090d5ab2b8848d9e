import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField, PasswordField } from '../../components/Field';
import { FormAlert } from '../../components/FormAlert';
import { EditableSection } from '../../components/SectionCard';
import { useToast } from '../../components/Toast';
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

/** Security → Password: a new password for the current one, optionally ending other sessions. */
export function ChangePasswordSection() {
  const { t } = useTranslation();
  return (
    <EditableSection
      titleId="password-title"
      title={t('password.title')}
      summary={<p className="muted">{t('password.intro')}</p>}
    >
      {(close) => <ChangePasswordForm onClose={close} />}
    </EditableSection>
  );
}

function ChangePasswordForm({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const account = useCurrentAccount();
  const form = useFormFields(EMPTY);
  const { values, update, fieldErrors } = form;
  const [changePassword, { loading }] = useChangePasswordMutation();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
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
      toast(t(`password.status.${signOutOtherSessions ? 'changedAndSignedOut' : 'changed'}`));
      onClose();
    } catch (error) {
      form.fail(error);
    }
  }

  return (
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
        <button type="button" onClick={onClose} disabled={loading}>
          {t('app.cancel')}
        </button>
      </div>
    </form>
  );
}
