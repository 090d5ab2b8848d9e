import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** "1,234" in the UI language. */
export function useNumberFormat(): (value: number) => string {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const format = new Intl.NumberFormat(i18n.language);
    return (value: number) => format.format(value);
  }, [i18n.language]);
}

/** "€1,234.50" in the UI language; a currency code this browser does not know shows as a code. */
export function useMoneyFormat(): (amount: number, currency: string) => string {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const formats = new Map<string, Intl.NumberFormat>();
    return (amount: number, currency: string) => {
      let format = formats.get(currency);
      if (!format) {
        try {
          format = new Intl.NumberFormat(i18n.language, { style: 'currency', currency });
        } catch {
          format = new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 2 });
        }
        formats.set(currency, format);
      }
      const text = format.format(amount);
      return format.resolvedOptions().style === 'currency' ? text : `${text} ${currency}`;
    };
  }, [i18n.language]);
}
