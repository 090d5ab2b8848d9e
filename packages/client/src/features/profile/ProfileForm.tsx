import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../app/i18n';
import { SelectField, TextField } from '../../components/Field';
import { FormAlert } from '../../components/FormAlert';
import { useUpdateProfileMutation } from '../../generated/graphql';
import { toApiError, type FieldErrors } from '../../lib/apiError';
import { blankFieldErrors, hasErrors } from '../../lib/forms';
import { useErrorText } from '../../lib/useErrorText';
import { useFocusFirstInvalid } from '../../lib/useFocusFirstInvalid';
import type { CurrentAccount } from '../auth/CurrentAccount';
import { changedFields, valuesFromAccount, type ProfileValues } from './profileValues';
import { countryOptions, timeZoneOptions } from './regions';

type Status = 'saved' | 'noChanges' | null;

export function ProfileForm({ account }: { account: CurrentAccount }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const formRef = useRef<HTMLFormElement>(null);
  const saved = useMemo(() => valuesFromAccount(account), [account]);
  const [values, setValues] = useState<ProfileValues>(saved);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [updateProfile, { loading }] = useUpdateProfileMutation();
  useFocusFirstInvalid(formRef, fieldErrors);

  const timeZones = useMemo(() => timeZoneOptions(values.timezone), [values.timezone]);
  const countries = useMemo(
    () => countryOptions(i18n.language, values.country),
    [i18n.language, values.country],
  );

  function update<K extends keyof ProfileValues>(name: K, value: ProfileValues[K]) {
    setValues((current) => ({ ...current, [name]: value }));
    setStatus(null);
    setFieldErrors(({ [name]: _fixed, ...others }) => others);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setStatus(null);
    const blank = blankFieldErrors(values, ['fullName'], t('form.required'));
    setFieldErrors(blank);
    setAlert(hasErrors(blank) ? t('form.fixErrors') : null);
    if (hasErrors(blank)) return;

    const input = changedFields(saved, values);
    if (Object.keys(input).length === 0) {
      setStatus('noChanges');
      return;
    }
    try {
      const { data } = await updateProfile({ variables: { input } });
      // The cache now holds the saved account, so the app (and its language) follow it.
      if (data) setValues(valuesFromAccount(data.updateProfile));
      setStatus('saved');
    } catch (error) {
      const apiError = toApiError(error);
      setFieldErrors(apiError.fieldErrors); // keyed by API field: fullName, username, locale…
      setAlert(errorText(apiError));
    }
  }

  return (
    <form
      ref={formRef}
      className="settings-form"
      noValidate
      onSubmit={(event) => void handleSubmit(event)}
    >
      <FormAlert message={alert} />
      <TextField
        label={t('profile.email')}
        name="email"
        type="email"
        value={account.email}
        readOnly
        hint={t('profile.emailHint')}
      />
      <TextField
        label={t('profile.fullName')}
        name="fullName"
        autoComplete="name"
        required
        value={values.fullName}
        onChange={(event) => update('fullName', event.target.value)}
        error={fieldErrors.fullName}
      />
      <TextField
        label={t('profile.username')}
        name="username"
        autoComplete="username"
        hint={t('profile.usernameHint')}
        value={values.username}
        onChange={(event) => update('username', event.target.value)}
        error={fieldErrors.username}
      />
      <SelectField
        label={t('profile.timezone')}
        name="timezone"
        value={values.timezone}
        onChange={(event) => update('timezone', event.target.value)}
        error={fieldErrors.timezone}
      >
        {timeZones.map((zone) => (
          <option key={zone.value} value={zone.value}>
            {zone.label}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('profile.language')}
        name="locale"
        value={values.locale}
        onChange={(event) => {
          const language = LANGUAGES.find((option) => option.code === event.target.value);
          if (language) update('locale', language.code);
        }}
        error={fieldErrors.locale}
      >
        {LANGUAGES.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {language.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('profile.country')}
        name="country"
        value={values.country}
        onChange={(event) => update('country', event.target.value)}
        error={fieldErrors.country}
      >
        <option value="">{t('profile.countryNone')}</option>
        {countries.map((country) => (
          <option key={country.value} value={country.value}>
            {country.label}
          </option>
        ))}
      </SelectField>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={loading}>
          {loading ? t('profile.saving') : t('profile.save')}
        </button>
        <p role="status" className="form-status">
          {status === 'saved' && t('profile.saved')}
          {status === 'noChanges' && t('profile.noChanges')}
        </p>
      </div>
    </form>
  );
}
