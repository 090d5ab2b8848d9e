import { formatTimeOfDay, parseTimeOfDay, quietHoursEnd } from './quiet-hours';

const at = (iso: string) => new Date(iso);
const NIGHT = [22 * 60, 7 * 60] as const;

describe('quiet hours', () => {
  it('reads and writes times of day', () => {
    expect(parseTimeOfDay('22:00')).toBe(1320);
    expect(parseTimeOfDay('07:05')).toBe(425);
    for (const bad of ['24:00', '7:00', '22:60', '', '22:00:00', 'noon']) {
      expect(parseTimeOfDay(bad)).toBeNull();
    }
    expect(formatTimeOfDay(425)).toBe('07:05');
  });

  it('holds a notice until the window ends, in the person’s time zone', () => {
    // 23:30 in Madrid (UTC+1 in January) is inside 22:00–07:00; it ends at 07:00 Madrid = 06:00Z.
    expect(quietHoursEnd(at('2026-01-15T22:30:00Z'), 'Europe/Madrid', ...NIGHT)).toEqual(
      at('2026-01-16T06:00:00Z'),
    );
    // 06:59:30 Madrid: half a minute left.
    expect(quietHoursEnd(at('2026-01-16T05:59:30Z'), 'Europe/Madrid', ...NIGHT)).toEqual(
      at('2026-01-16T06:00:00Z'),
    );
  });

  it('lets a notice through outside the window', () => {
    expect(quietHoursEnd(at('2026-01-16T06:00:00Z'), 'Europe/Madrid', ...NIGHT)).toBeNull();
    expect(quietHoursEnd(at('2026-01-15T20:59:00Z'), 'Europe/Madrid', ...NIGHT)).toBeNull();
    // The same instant is night in Madrid but afternoon in New York.
    expect(quietHoursEnd(at('2026-01-15T22:30:00Z'), 'America/New_York', ...NIGHT)).toBeNull();
  });

  it('handles windows within a day and the daylight-saving change', () => {
    expect(quietHoursEnd(at('2026-01-15T12:30:00Z'), 'UTC', 12 * 60, 14 * 60)).toEqual(
      at('2026-01-15T14:00:00Z'),
    );
    // Madrid moves to UTC+2 on 29 March 2026 at 02:00: 07:00 local that morning is 05:00Z.
    expect(quietHoursEnd(at('2026-03-28T23:00:00Z'), 'Europe/Madrid', ...NIGHT)).toEqual(
      at('2026-03-29T05:00:00Z'),
    );
  });

  it('treats an empty window or an unknown zone safely', () => {
    expect(quietHoursEnd(at('2026-01-15T12:30:00Z'), 'UTC', 600, 600)).toBeNull();
    expect(quietHoursEnd(at('2026-01-15T23:00:00Z'), 'Not/AZone', ...NIGHT)).toEqual(
      at('2026-01-16T07:00:00Z'),
    );
  });
});
