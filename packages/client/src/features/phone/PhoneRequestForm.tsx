import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordField, TextField } from '../../components/Field';
import { FormAlert } from '../../components/FormAlert';
import { useRequestPhoneChangeMutation } from '../../generated/graphql';
import { useFormFields } from '../../lib/useFormFields';

interface PhoneRequestFormProps {
  onCodeSent: (phone: string) => void;
  onCancel?: () => void;
}

/** Step 1: the new number and the current password; the server texts a code to the number. */
export function PhoneRequestForm({ onCodeSent, onCancel }: PhoneRequestFormProps) {
  const { t } = useTranslation();
  const form = useFormFields({ phone: '', password: '' });
  const { values } = form;
  const [requestPhoneChange, { loading }] = useRequestPhoneChangeMutation();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!form.check(['phone', 'password'])) return;
    const phone = values.phone.trim();
    try {
      await requestPhoneChange({ variables: { input: { phone, password: values.password } } });
      onCodeSent(phone);
    } catch (error) {
      form.fail(error);
    }
  }

  return (
    <form
      ref={form.formRef}
      className="settings-form"
      aria-labelledby="phone-change-title"
      noValidate
      onSubmit={(event) => void handleSubmit(event)}
    >
      <h3 id="phone-change-title">{t('phone.changeTitle')}</h3>
      <FormAlert message={form.alert} />
      <TextField
        label={t('phone.newPhone')}
        name="phone"
        type="tel"
        autoComplete="tel"
        required
        hint={t('phone.phoneHint')}
        {...form.bind('phone')}
      />
      <PasswordField
        label={t('phone.password')}
        name="password"
        autoComplete="current-password"
        required
        {...form.bind('password')}
      />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={loading}>
          {loading ? t('phone.sending') : t('phone.send')}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel} disabled={loading}>
            {t('app.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
