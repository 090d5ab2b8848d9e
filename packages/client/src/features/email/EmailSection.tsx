import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordField, TextField } from '../../components/Field';
import { FormAlert } from '../../components/FormAlert';
import { EditableSection } from '../../components/SectionCard';
import { StatusBadge } from '../../components/StatusBadge';
import { useToast } from '../../components/Toast';
import { useRequestEmailChangeMutation } from '../../generated/graphql';
import { toApiError } from '../../lib/apiError';
import { useErrorText } from '../../lib/useErrorText';
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
  const toast = useToast();
  const errorText = useErrorText();
  const pending = usePendingEmailChange(account.id, {
    onCancelled: (email) => toast(t('email.cancelled', { email }), 'success'),
    onError: (error) => toast(errorText(toApiError(error)), 'danger'),
  });
  return (
    <EditableSection
      titleId="email-title"
      title={t('email.title')}
      summary={
        <>
          <p className="current-value">
            {t('email.current')} <strong>{account.email}</strong>
          </p>
          {account.emailVerified ? (
            <StatusBadge tone="success">{t('email.verified')}</StatusBadge>
          ) : (
            <StatusBadge tone="warning">{t('email.unverified')}</StatusBadge>
          )}
          {account.pendingEmail && (
            <p className="current-value">
              {t('email.pending', { email: account.pendingEmail })}{' '}
              <button
                type="button"
                disabled={pending.cancelling}
                onClick={() => void pending.cancel()}
              >
                {pending.cancelling ? t('email.cancelling') : t('email.cancelChange')}
              </button>
            </p>
          )}
        </>
      }
    >
      {(close) => <EmailChangeForm accountId={account.id} onClose={close} />}
    </EditableSection>
  );
}

function EmailChangeForm({ accountId, onClose }: { accountId: string; onClose(): void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const form = useFormFields({ newEmail: '', password: '' });
  const { values } = form;
  const [requestEmailChange, { loading }] = useRequestEmailChangeMutation();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!form.check(['newEmail', 'password'])) return;
    const newEmail = values.newEmail.trim();
    try {
      await requestEmailChange({
        variables: { input: { newEmail, password: values.password } },
        update: (cache) => setPendingEmail(cache, accountId, newEmail),
      });
      toast(t('email.sent', { email: newEmail }), 'info');
      onClose();
    } catch (error) {
      form.fail(error);
    }
  }

  return (
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
        <button type="button" onClick={onClose} disabled={loading}>
          {t('app.cancel')}
        </button>
      </div>
    </form>
  );
}
