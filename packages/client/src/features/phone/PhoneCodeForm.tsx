import { useEffect, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/Field';
import { FormAlert } from '../../components/FormAlert';
import { useConfirmPhoneChangeMutation, useResendPhoneCodeMutation } from '../../generated/graphql';
import { usePhoneNumberFormat } from '../../lib/phoneNumber';
import { useFormFields } from '../../lib/useFormFields';

interface PhoneCodeFormProps {
  /** The number the code was texted to, as the person typed it. */
  phone: string;
  onConfirmed: (phone: string) => void;
  /** A new code was texted (the first did not arrive, or ran out). */
  onResent: (phone: string) => void;
  onCancel: () => void;
}

/** Step 2: the 6-digit code from the SMS. A right code sets the number on the account. */
export function PhoneCodeForm({ phone, onConfirmed, onResent, onCancel }: PhoneCodeFormProps) {
  const { t } = useTranslation();
  const formatPhoneNumber = usePhoneNumberFormat();
  const form = useFormFields({ code: '' });
  const { values, formRef } = form;
  // The answer updates the cached account, so the page shows the new number.
  const [confirmPhoneChange, { loading }] = useConfirmPhoneChangeMutation();
  const [resendPhoneCode, resending] = useResendPhoneCodeMutation();

  async function resend() {
    form.setAlert(null);
    try {
      await resendPhoneCode();
      onResent(phone);
    } catch (error) {
      form.fail(error);
    }
  }

  // The person was just told to type the code: the field is where they start.
  useEffect(() => {
    formRef.current?.querySelector<HTMLInputElement>('input[name="code"]')?.focus();
  }, [formRef]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!form.check(['code'])) return;
    try {
      const { data } = await confirmPhoneChange({ variables: { code: values.code.trim() } });
      onConfirmed(data?.confirmPhoneChange.phone ?? phone);
    } catch (error) {
      form.fail(error);
    }
  }

  return (
    <form
      ref={formRef}
      className="settings-form"
      aria-labelledby="phone-code-title"
      noValidate
      onSubmit={(event) => void handleSubmit(event)}
    >
      <h3 id="phone-code-title">{t('phone.codeTitle')}</h3>
      <FormAlert message={form.alert} />
      <TextField
        label={t('phone.code')}
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        required
        hint={t('phone.codeHint', { phone: formatPhoneNumber(phone) })}
        {...form.bind('code')}
      />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={loading}>
          {loading ? t('phone.confirming') : t('phone.confirm')}
        </button>
        <button type="button" disabled={resending.loading} onClick={() => void resend()}>
          {resending.loading ? t('phone.resending') : t('phone.resend')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('phone.useAnotherNumber')}
        </button>
      </div>
    </form>
  );
}
