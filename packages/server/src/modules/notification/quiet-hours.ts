const MINUTES_PER_DAY = 24 * 60;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight of "HH:MM" (24-hour), or null when it is not such a time. */
export function parseTimeOfDay(value: string): number | null {
  const match = TIME_PATTERN.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

export function formatTimeOfDay(minutes: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** The wall-clock time in `timeZone` at `instant`, read as if it were UTC (ms). */
function wallClock(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return (
    Date.UTC(
      part('year'),
      part('month') - 1,
      part('day'),
      part('hour'),
      part('minute'),
      part('second'),
    ) + instant.getUTCMilliseconds()
  );
}

function safeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

/**
 * When the quiet hours holding `now` end, in the person's time zone; null when `now` is not in
 * them. `start` and `end` are minutes after local midnight; a window may pass midnight
 * (22:00–07:00). Across a daylight-saving change the end is still the local wall-clock time.
 */
export function quietHoursEnd(now: Date, zone: string, start: number, end: number): Date | null {
  if (start === end) return null;
  const timeZone = safeZone(zone);
  const local = wallClock(now, timeZone);
  const minuteOfDay = Math.floor((local % (MINUTES_PER_DAY * 60_000)) / 60_000);
  const inside =
    start < end
      ? minuteOfDay >= start && minuteOfDay < end
      : minuteOfDay >= start || minuteOfDay < end;
  if (!inside) return null;
  const waitMinutes = (end - minuteOfDay + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  const localEnd = local - (local % 60_000) + waitMinutes * 60_000;
  // The instant whose wall clock reads localEnd: shift by the zone's offset there.
  let candidate = new Date(now.getTime() + (localEnd - local));
  const drift = wallClock(candidate, timeZone) - localEnd;
  if (drift !== 0) candidate = new Date(candidate.getTime() - drift);
  return candidate;
}
