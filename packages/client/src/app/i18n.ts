import i18n from 'i18next';
import { useEffect } from 'react';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import es from '../locales/es.json';

export const resources = {
  en: { translation: en },
  // `satisfies` makes a key missing from the Spanish file a type error.
  es: { translation: es satisfies typeof en },
} as const;

export type Language = keyof typeof resources;

/** The UI languages with their own names, as the language picker shows them. */
export const LANGUAGES: ReadonlyArray<{ code: Language; name: string }> = [
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Español' },
];

/** Maps a BCP 47 tag (`es-MX`, `en`) to the UI language that serves it. */
export function toLanguage(locale: string | null | undefined): Language {
  return locale?.toLowerCase().startsWith('es') ? 'es' : 'en';
}

function browserLanguage(): Language {
  return toLanguage(typeof navigator === 'undefined' ? undefined : navigator.language);
}

function setDocumentLanguage(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

void i18n.use(initReactI18next).init({
  resources,
  lng: browserLanguage(),
  fallbackLng: 'en',
  supportedLngs: ['en', 'es'],
  interpolation: { escapeValue: false }, // React already escapes
  initAsync: false, // resources are bundled, so the first render is already translated
  showSupportNotice: false,
});
setDocumentLanguage(i18n.language);
i18n.on('languageChanged', setDocumentLanguage);

/** Switches the UI to the signed-in account's language whenever it changes. */
export function useAccountLanguage(locale: string | null | undefined): void {
  useEffect(() => {
    if (locale == null) return;
    const language = toLanguage(locale);
    if (i18n.language !== language) void i18n.changeLanguage(language);
  }, [locale]);
}

export default i18n;
