import i18n from 'i18next';
import { useEffect } from 'react';
import { initReactI18next } from 'react-i18next';
import type en from '../locales/en.json';
import type es from '../locales/es.json';

/**
 * Every language's texts are a chunk of their own, fetched when first needed: the first download
 * carries no texts at all, and a Spanish browser never fetches the English ones. `i18nReady`
 * settles once the browser's language is here; main.tsx renders after it.
 */

// A key missing from the Spanish file is a type error.
type SameKeysAs<T extends typeof en> = T;
export type SpanishTranslation = SameKeysAs<typeof es>;

export type Language = 'en' | 'es';

const LOADERS: Record<Language, () => Promise<{ default: typeof en }>> = {
  en: () => import('../locales/en.json'),
  es: () => import('../locales/es.json'),
};

/** Fetches the language's texts if they are not here yet, then switches the UI to it. */
export async function switchLanguage(language: Language): Promise<void> {
  if (!i18n.hasResourceBundle(language, 'translation')) {
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
  resources: {},
  // Every language has every key (the type above checks it): nothing falls back.
  fallbackLng: false,
  supportedLngs: ['en', 'es'],
  interpolation: { escapeValue: false }, // React already escapes
  initAsync: false, // no backend: texts are added by switchLanguage
  showSupportNotice: false,
});
i18n.on('languageChanged', setDocumentLanguage);

/** The browser's language is loaded and chosen: the first render is translated. */
export const i18nReady: Promise<void> = switchLanguage(browserLanguage());

/** Switches the UI to the signed-in account's language whenever it changes. */
export function useAccountLanguage(locale: string | null | undefined): void {
  useEffect(() => {
    if (locale == null) return;
    const language = toLanguage(locale);
    if (i18n.language !== language) void switchLanguage(language);
  }, [locale]);
}

export default i18n;
