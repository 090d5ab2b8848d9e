import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

function dateTimeFormat(language: string, timeZone: string): Intl.DateTimeFormat {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
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

/** A formatter for the account's time zone (`me.timezone`) in the UI language. */
export function useDateTimeFormat(timeZone: string): (iso: string) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const format = dateTimeFormat(language, timeZone);
    return (iso: string) => format.format(new Date(iso));
  }, [language, timeZone]);
}
