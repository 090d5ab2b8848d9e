import { DateTime, IANAZone } from 'luxon';

/** One billing cycle: from `start` (inclusive) to `end` (exclusive), in `timeZone`. */
export interface BillingCycle {
  start: Date;
  end: Date;
  timeZone: string;
}

/** A known IANA zone, or UTC (a zone the runtime no longer knows must not stop billing). */
export function billingTimeZone(zone: string | null | undefined): string {
  return zone && IANAZone.isValidZone(zone) ? zone : 'UTC';
}

/** The day of the month `at` falls on in `zone`: a new organization's cycles start on it. */
export function anchorDayOf(at: Date, zone: string | null | undefined): number {
  return DateTime.fromJSDate(at, { zone: billingTimeZone(zone) }).day;
}

/**
 * Midnight, local time, of the anchor day in a month: the month's last day when it is shorter
 * (31 → 28 February), and the first moment of the day when a daylight-saving change skips
 * midnight itself (Luxon moves a time in the gap forward).
 */
function cycleStartIn(year: number, month: number, anchorDay: number, zone: string): DateTime {
  const first = DateTime.fromObject({ year, month, day: 1 }, { zone });
  return first.set({ day: Math.min(anchorDay, first.daysInMonth ?? 28) });
}

/**
 * The monthly billing cycle that holds `at`: it starts at midnight of the anchor day in the
 * owner's time zone and ends where the next one starts. A cycle across a daylight-saving
 * change is an hour shorter or longer; one starting on the 31st starts on the last day of
 * shorter months and on the 31st again after them, as Stripe's billing anchor does.
 */
export function billingCycleAt(at: Date, anchorDay: number, zone: string): BillingCycle {
  const timeZone = billingTimeZone(zone);
  const day = Math.min(Math.max(Math.trunc(anchorDay), 1), 31);
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  let start = cycleStartIn(local.year, local.month, day, timeZone);
  if (start.toMillis() > at.getTime()) {
    const previous = local.startOf('month').minus({ months: 1 });
    start = cycleStartIn(previous.year, previous.month, day, timeZone);
  }
  const following = start.startOf('month').plus({ months: 1 });
  const end = cycleStartIn(following.year, following.month, day, timeZone);
  return { start: start.toJSDate(), end: end.toJSDate(), timeZone };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A straight line from the cycle so far to its end: `quantity` × cycle length ÷ time elapsed,
 * rounded. Null during the cycle's first day, when a line through a few hours says more about
 * the time of day than about the month.
 */
export function straightLineForecast(
  quantity: number,
  cycle: Pick<BillingCycle, 'start' | 'end'>,
  asOf: Date,
): number | null {
  const length = cycle.end.getTime() - cycle.start.getTime();
  const elapsed = Math.min(asOf.getTime() - cycle.start.getTime(), length);
  if (elapsed < DAY_MS) return null;
  return Math.max(quantity, Math.round((quantity * length) / elapsed));
}
