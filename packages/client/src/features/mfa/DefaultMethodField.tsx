import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/Field';
import { useSetDefaultMfaMethodMutation, type MfaMethod } from '../../generated/graphql';
import { toApiError } from '../../lib/apiError';
import { useErrorText } from '../../lib/useErrorText';
import { useCurrentAccount } from '../auth/CurrentAccount';

interface DefaultMethodFieldProps {
  onChanged(message: string): void;
  onFailed(message: string): void;
}

/** Which method the log-in's second step offers first, among those set up; saved on change. */
export function DefaultMethodField({ onChanged, onFailed }: DefaultMethodFieldProps) {
  const { t } = useTranslation();
  const account = useCurrentAccount();
  const errorText = useErrorText();
  const [setDefault, { loading }] = useSetDefaultMfaMethodMutation();
  const methods = account.mfaMethods;

  async function choose(method: MfaMethod) {
    try {
      await setDefault({ variables: { method } });
      onChanged(t('mfa.defaultSaved', { method: t(`mfa.methods.${method}.name`) }));
    } catch (error) {
      onFailed(errorText(toApiError(error)));
    }
  }

  return (
    <SelectField
      label={t('mfa.defaultMethod')}
      hint={t('mfa.defaultMethodHint')}
      value={account.defaultMfaMethod ?? ''}
      disabled={loading}
      onChange={(event) => void choose(event.target.value as MfaMethod)}
    >
      {methods.map((method) => (
        <option key={method} value={method}>
          {t(`mfa.methods.${method}.name`)}
        </option>
      ))}
    </SelectField>
  );
}
