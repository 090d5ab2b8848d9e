/** The largest amount a balance or an invoice may carry, in currency units: a billion. */
export const MAX_AMOUNT = 1_000_000_000;

/**
 * Whole cents of an amount with at most two decimals within ±MAX_AMOUNT (from `min`), or null.
 * Amounts travel as GraphQL Floats, as the low-balance threshold does; 12.34 × 100 is
 * 1233.9999…, so "at most two decimals" allows for that rounding and no more.
 */
export function toCents(amount: number, min = -MAX_AMOUNT): number | null {
  if (!Number.isFinite(amount) || amount < min || amount > MAX_AMOUNT) return null;
  const cents = Math.round(amount * 100);
  return Math.abs(cents - amount * 100) < 1e-6 ? cents : null;
}

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** An ISO 4217 code the runtime knows (EUR, USD, MXN…), upper case. */
export function isCurrency(code: string): boolean {
  return CURRENCIES.has(code);
}

/** An absolute http(s) URL: the only kind of link a download button may open. */
export function isDownloadUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}
