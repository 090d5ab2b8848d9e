import { toLanguage, type Language } from '../../app/i18n';
import type { AccountFieldsFragment, UpdateProfileInput } from '../../generated/graphql';

/** The profile form's state; empty strings stand for "no username" and "no country". */
export interface ProfileValues {
  fullName: string;
  username: string;
  timezone: string;
  locale: Language;
  country: string;
}

export function valuesFromAccount(account: AccountFieldsFragment): ProfileValues {
  return {
    fullName: account.fullName,
    username: account.username ?? '',
    timezone: account.timezone,
    locale: toLanguage(account.locale),
    country: account.country ?? '',
  };
}

/** Only what the person changed; `null` clears the username or the country. */
export function changedFields(saved: ProfileValues, edited: ProfileValues): UpdateProfileInput {
  const input: UpdateProfileInput = {};
  const fullName = edited.fullName.trim();
  if (fullName !== saved.fullName) input.fullName = fullName;
  const username = edited.username.trim();
  if (username !== saved.username) input.username = username === '' ? null : username;
  if (edited.timezone !== saved.timezone) input.timezone = edited.timezone;
  if (edited.locale !== saved.locale) input.locale = edited.locale;
  if (edited.country !== saved.country)
    input.country = edited.country === '' ? null : edited.country;
  return input;
}
