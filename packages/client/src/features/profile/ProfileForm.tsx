import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, switchLanguage, toLanguage } from '../../app/i18n';
import { SelectField, TextField } from '../../components/Field';
import { FormAlert } from '../../components/FormAlert';
import { useToast } from '../../components/Toast';
import { useUpdateProfileMutation } from '../../generated/graphql';
import { useFormFields } from '../../lib/useFormFields';
import type { CurrentAccount } from '../auth/CurrentAccount';
import { changedFields, valuesFromAccount, type ProfileValues } from './profileValues';
import { countryOptions, isKnownTimeZone } from './regions';
import { TimeZoneField } from './TimeZoneField';

type Status = 'noChanges' | null;

interface ProfileFormProps {
  account: CurrentAccount;
  /** After a save (and a toast saying so), or on Cancel: the section closes the form. */
  onClose?(): void;
}

export function ProfileForm({ account, onClose }: ProfileFormProps) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const saved = useMemo(() => valuesFromAccount(account), [account]);
  const [status, setStatus] = useState<Status>(null);
  const form = useFormFields<ProfileValues>(saved, { onEdit: () => setStatus(null) });
  const { values, fieldErrors } = form;
  const [updateProfile, { loading }] = useUpdateProfileMutation();

  const countries = useMemo(
    () => countryOptions(i18n.language, values.country),
    [i18n.language, values.country],
  );

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setStatus(null);
    const timezone = isKnownTimeZone(values.timezone)
      ? null
      : t('errors.reasons.TIME_ZONE_UNKNOWN');
    if (!form.check(['fullName', 'timezone'], { timezone })) return;

    const input = changedFields(saved, values);
    if (Object.keys(input).length === 0) {
      setStatus('noChanges');
      return;
    }
    try {
      const { data } = await updateProfile({ variables: { input } });
      // The cache now holds the saved account, so the app (and its language) follow it.
      if (data) form.reset(valuesFromAccount(data.updateProfile));
      // Saved in another language: say so in that one.
      if (data) await switchLanguage(toLanguage(data.updateProfile.locale));
      toast(i18n.t('profile.saved'));
      onClose?.();
    } catch (error) {
      form.fail(error); // field errors keyed by API field: fullName, username, locale…
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
      <TextField
        label={t('profile.fullName')}
        name="fullName"
        autoComplete="name"
        required
        {...form.bind('fullName')}
      />
      <TextField
        label={t('profile.username')}
        name="username"
        autoComplete="username"
        hint={t('profile.usernameHint')}
        {...form.bind('username')}
      />
      <TimeZoneField
        value={values.timezone}
        onChange={(zone) => form.update('timezone', zone)}
        error={fieldErrors.timezone}
      />
      <SelectField
        label={t('profile.language')}
        name="locale"
        value={values.locale}
        onChange={(event) => {
          const language = LANGUAGES.find((option) => option.code === event.target.value);
          if (language) form.update('locale', language.code);
        }}
        error={fieldErrors.locale}
      >
        {LANGUAGES.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {language.name}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('profile.country')} name="country" {...form.bind('country')}>
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
        {onClose && (
          <button type="button" onClick={onClose} disabled={loading}>
            {t('app.cancel')}
          </button>
        )}
        <p role="status" className="form-status">
          {status === 'noChanges' && t('profile.noChanges')}
        </p>
      </div>
    </form>
  );
}
