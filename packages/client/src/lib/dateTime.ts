import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const WITH_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
const DAY_ONLY: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };

function dateTimeFormat(
  language: string,
  timeZone: string,
  options: Intl.DateTimeFormatOptions = WITH_TIME,
): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(language, { ...options, timeZone });
  } catch {
    // A zone this browser's Intl does not know yet: its own zone beats no date at all.
    return new Intl.DateTimeFormat(language, options);
  }
}

/** "Mar 10, 2025, 10:05 AM": an instant as the account reads it, in its zone and language. */
export function formatDateTime(iso: string, language: string, timeZone: string): string {
  return dateTimeFormat(language, timeZone).format(new Date(iso));
}

function useFormat(timeZone: string, options: Intl.DateTimeFormatOptions) {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const format = dateTimeFormat(language, timeZone, options);
    return (iso: string) => format.format(new Date(iso));
  }, [language, timeZone, options]);
}

/** A formatter for the account's time zone (`me.timezone`) in the UI language. */
export function useDateTimeFormat(timeZone: string): (iso: string) => string {
  return useFormat(timeZone, WITH_TIME);
}

/** "Mar 10, 2025": the day of an instant where the account is, for tables short of room. */
export function useDateFormat(timeZone: string): (iso: string) => string {
  return useFormat(timeZone, DAY_ONLY);
}
