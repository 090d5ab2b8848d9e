import {
  anchorDayOf,
  billingCycleAt,
  billingTimeZone,
  straightLineForecast,
} from './billing-cycle';

const at = (iso: string) => new Date(iso);
const iso = ({ start, end }: { start: Date; end: Date }) => [
  start.toISOString(),
  end.toISOString(),
];
const HOUR_MS = 3_600_000;

describe('billingCycleAt', () => {
  it('runs from midnight of the anchor day in the owner’s zone to the next month’s', () => {
    const cycle = billingCycleAt(at('2026-01-20T12:00:00Z'), 15, 'Europe/Madrid');
    expect(iso(cycle)).toEqual(['2026-01-14T23:00:00.000Z', '2026-02-14T23:00:00.000Z']);
    expect(cycle.timeZone).toBe('Europe/Madrid');
  });

  it('turns over at local midnight, not UTC midnight, across a month end', () => {
    // 31 January 23:30 UTC is already 1 February in Madrid: the next cycle.
    const before = billingCycleAt(at('2026-01-31T22:59:59.999Z'), 1, 'Europe/Madrid');
    const after = billingCycleAt(at('2026-01-31T23:00:00.000Z'), 1, 'Europe/Madrid');
    expect(iso(before)).toEqual(['2025-12-31T23:00:00.000Z', '2026-01-31T23:00:00.000Z']);
    expect(iso(after)).toEqual(['2026-01-31T23:00:00.000Z', '2026-02-28T23:00:00.000Z']);
    // West of UTC the other way round: 1 February 03:00 UTC is still January in New York.
    const newYork = billingCycleAt(at('2026-02-01T03:00:00Z'), 1, 'America/New_York');
    expect(iso(newYork)).toEqual(['2026-01-01T05:00:00.000Z', '2026-02-01T05:00:00.000Z']);
  });

  it('starts on the last day of a shorter month and on the anchor day again after it', () => {
    const january = billingCycleAt(at('2026-02-10T00:00:00Z'), 31, 'UTC');
    expect(iso(january)).toEqual(['2026-01-31T00:00:00.000Z', '2026-02-28T00:00:00.000Z']);
    const february = billingCycleAt(at('2026-03-01T00:00:00Z'), 31, 'UTC');
    expect(iso(february)).toEqual(['2026-02-28T00:00:00.000Z', '2026-03-31T00:00:00.000Z']);
    const leapYear = billingCycleAt(at('2028-02-29T12:00:00Z'), 30, 'UTC');
    expect(iso(leapYear)).toEqual(['2028-02-29T00:00:00.000Z', '2028-03-30T00:00:00.000Z']);
  });

  it('is an hour shorter across the spring change and an hour longer across the autumn one', () => {
    // Europe/Madrid moves from +01:00 to +02:00 on 29 March 2026 and back on 25 October.
    const spring = billingCycleAt(at('2026-03-20T10:00:00Z'), 15, 'Europe/Madrid');
    expect(iso(spring)).toEqual(['2026-03-14T23:00:00.000Z', '2026-04-14T22:00:00.000Z']);
    expect(spring.end.getTime() - spring.start.getTime()).toBe(31 * 24 * HOUR_MS - HOUR_MS);
    const autumn = billingCycleAt(at('2026-10-20T10:00:00Z'), 15, 'Europe/Madrid');
    expect(iso(autumn)).toEqual(['2026-10-14T22:00:00.000Z', '2026-11-14T23:00:00.000Z']);
    expect(autumn.end.getTime() - autumn.start.getTime()).toBe(31 * 24 * HOUR_MS + HOUR_MS);
  });

  it('starts at the first moment of the day when the change skips midnight itself', () => {
    // Chile skips from 00:00 to 01:00 on 6 September 2026.
    const cycle = billingCycleAt(at('2026-09-10T12:00:00Z'), 6, 'America/Santiago');
    expect(cycle.start.toISOString()).toBe('2026-09-06T04:00:00.000Z'); // 01:00 at -03:00
    const before = billingCycleAt(at('2026-09-06T03:59:59.999Z'), 6, 'America/Santiago');
    expect(before.end.toISOString()).toBe('2026-09-06T04:00:00.000Z');
  });

  it('is exact on quarter-hour offsets (India +05:30, Nepal +05:45)', () => {
    const india = billingCycleAt(at('2026-05-02T00:00:00Z'), 1, 'Asia/Kolkata');
    expect(india.start.toISOString()).toBe('2026-04-30T18:30:00.000Z');
    const nepal = billingCycleAt(at('2026-05-02T00:00:00Z'), 1, 'Asia/Kathmandu');
    expect(nepal.start.toISOString()).toBe('2026-04-30T18:15:00.000Z');
  });

  it('counts an unknown zone as UTC', () => {
    expect(billingTimeZone('Mars/Olympus_Mons')).toBe('UTC');
    const cycle = billingCycleAt(at('2026-01-20T12:00:00Z'), 1, 'Mars/Olympus_Mons');
    expect(iso(cycle)).toEqual(['2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z']);
  });

  it('holds every instant in exactly one cycle: each ends where the next starts', () => {
    let cursor = at('2025-12-31T12:00:00Z');
    for (let month = 0; month < 14; month += 1) {
      const cycle = billingCycleAt(cursor, 31, 'Europe/Madrid');
      expect(cycle.start.getTime()).toBeLessThanOrEqual(cursor.getTime());
      expect(cycle.end.getTime()).toBeGreaterThan(cursor.getTime());
      const next = billingCycleAt(cycle.end, 31, 'Europe/Madrid');
      expect(next.start).toEqual(cycle.end);
      cursor = cycle.end;
    }
  });
});

describe('anchorDayOf', () => {
  it('reads the day in the owner’s zone', () => {
    expect(anchorDayOf(at('2026-01-31T23:30:00Z'), 'Europe/Madrid')).toBe(1);
    expect(anchorDayOf(at('2026-01-31T23:30:00Z'), 'UTC')).toBe(31);
    expect(anchorDayOf(at('2026-01-31T23:30:00Z'), null)).toBe(31);
  });
});

describe('straightLineForecast', () => {
  const cycle = { start: at('2026-04-01T00:00:00Z'), end: at('2026-05-01T00:00:00Z') };

  it('extends the use so far over the whole cycle', () => {
    // 10 days of 30: 300 so far is 900 by the end.
    expect(straightLineForecast(300, cycle, at('2026-04-11T00:00:00Z'))).toBe(900);
    expect(straightLineForecast(0, cycle, at('2026-04-11T00:00:00Z'))).toBe(0);
  });

  it('says nothing during the first day, and the use itself once the cycle is over', () => {
    expect(straightLineForecast(50, cycle, at('2026-04-01T23:59:59Z'))).toBeNull();
    expect(straightLineForecast(50, cycle, at('2026-04-02T00:00:00Z'))).toBe(1500);
    expect(straightLineForecast(77, cycle, at('2026-06-01T00:00:00Z'))).toBe(77);
  });
});
