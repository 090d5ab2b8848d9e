import { TZDateMini } from '@date-fns/tz';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The create dialog's expiry choices: never, a number of days from now, or a chosen day. */
export const EXPIRY_CHOICES = ['never', '30', '90', '365', 'custom'] as const;
export type ExpiryChoice = (typeof EXPIRY_CHOICES)[number];

/** A roll's grace choices and how long the old secret keeps working, in seconds. */
export const GRACE_CHOICES = { now: 0, '1h': 3600, '24h': 86_400, '7d': 604_800 } as const;
export type GraceChoice = keyof typeof GRACE_CHOICES;

/** "2025-03-10" → the last second of that day in `timeZone`, as an instant. */
export function endOfDayIn(day: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const [year, month, date] = match.slice(1).map(Number);
  try {
    return new Date(new TZDateMini(year, month - 1, date, 23, 59, 59, timeZone).getTime());
  } catch {
    return null; // a zone this browser does not know
  }
}

/** Today in `timeZone` as "2025-03-10", for a date input's bounds. */
export function dayIn(instant: number, timeZone: string): string {
  const zoned = new TZDateMini(instant, timeZone);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${zoned.getFullYear()}-${pad(zoned.getMonth() + 1)}-${pad(zoned.getDate())}`;
}

/** The day after `instant` in `timeZone`: the first a custom expiry may be. */
export function firstExpiryDay(instant: number, timeZone: string): string {
  return dayIn(instant + DAY_MS, timeZone);
}

/**
 * The `expiresAt` the API gets for a choice: null for never, so many days from `now`, or the
 * end of the chosen day in the person's time zone (null when no day is chosen yet).
 */
export function expiresAtFor(
  choice: ExpiryChoice,
  customDay: string,
  timeZone: string,
  now: number,
): string | null {
  if (choice === 'never') return null;
  if (choice === 'custom') return endOfDayIn(customDay, timeZone)?.toISOString() ?? null;
  return new Date(now + Number(choice) * DAY_MS).toISOString();
}
