import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import en from '../../locales/en.json';

type IndustryCode = keyof typeof en.industries;

function isKnownIndustry(code: string): code is IndustryCode {
  return Object.hasOwn(en.industries, code);
}

/** An industry code from the server in the UI language; a code added later shows as is. */
export function useIndustryName(): (code: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (code: string) => (isKnownIndustry(code) ? t(`industries.${code}`) : code),
    [t],
  );
}
