import i18n from 'i18next';
import { useEffect } from 'react';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import type es from '../locales/es.json';

/** English is in the first download; other languages are fetched when first needed. */
export const resources = {
  en: { translation: en },
} as const;

// A key missing from the Spanish file is a type error.
type SameKeysAs<T extends typeof en> = T;
export type SpanishTranslation = SameKeysAs<typeof es>;

export type Language = 'en' | 'es';

const LOADERS: Record<Exclude<Language, 'en'>, () => Promise<{ default: typeof en }>> = {
  es: () => import('../locales/es.json'),
};

/** Fetches the language's texts if they are not here yet, then switches the UI to it. */
export async function switchLanguage(language: Language): Promise<void> {
  if (language !== 'en' && !i18n.hasResourceBundle(language, 'translation')) {
    const { default: translation } = await LOADERS[language]();
    i18n.addResourceBundle(language, 'translation', translation);
  }
  if (i18n.language !== language) await i18n.changeLanguage(language);
}

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
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: ['en', 'es'],
  interpolation: { escapeValue: false }, // React already escapes
  initAsync: false, // resources are bundled, so the first render is already translated
  showSupportNotice: false,
});
setDocumentLanguage(i18n.language);
i18n.on('languageChanged', setDocumentLanguage);
void switchLanguage(browserLanguage());

/** Switches the UI to the signed-in account's language whenever it changes. */
export function useAccountLanguage(locale: string | null | undefined): void {
  useEffect(() => {
    if (locale == null) return;
    const language = toLanguage(locale);
    if (i18n.language !== language) void switchLanguage(language);
  }, [locale]);
}

export default i18n;
