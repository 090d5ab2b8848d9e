import { useTranslation } from 'react-i18next';
import { PasswordField } from '../../components/Field';
import type { FieldErrors } from '../../lib/apiError';
import { PasswordStrengthMeter } from './PasswordStrengthMeter';

export interface NewPasswordValues {
  newPassword: string;
  confirmPassword: string;
}

interface NewPasswordFieldsProps {
  values: NewPasswordValues;
  fieldErrors: FieldErrors;
  onChange: (name: keyof NewPasswordValues, value: string) => void;
  /** The account's address, when known: the password must not be it. */
  email?: string;
}

/** Whether the two entries differ; checked here, since the server only sees one. */
export function confirmationProblem(values: NewPasswordValues, message: string): string | null {
  return values.confirmPassword !== '' && values.confirmPassword !== values.newPassword
    ? message
    : null;
}

/** The new password with its strength meter, and the same password once more. */
export function NewPasswordFields({
  values,
  fieldErrors,
  onChange,
  email,
}: NewPasswordFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordField
        label={t('password.newPassword')}
        name="newPassword"
        autoComplete="new-password"
        required
        hint={t('password.policy')}
        value={values.newPassword}
        onChange={(event) => onChange('newPassword', event.target.value)}
        error={fieldErrors.newPassword}
      />
      <PasswordStrengthMeter password={values.newPassword} email={email} />
      <PasswordField
        label={t('password.confirmPassword')}
        name="confirmPassword"
        autoComplete="new-password"
        required
        value={values.confirmPassword}
        onChange={(event) => onChange('confirmPassword', event.target.value)}
        error={fieldErrors.confirmPassword}
      />
    </>
  );
}
