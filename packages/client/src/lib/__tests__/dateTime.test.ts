import { formatDateTime } from '../dateTime';

describe('formatDateTime', () => {
  const instant = '2025-07-01T18:30:00.000Z';

  // Some ICU versions put a narrow no-break space before AM/PM.
  const format = (...args: Parameters<typeof formatDateTime>) =>
    formatDateTime(...args).replace(/\s/g, ' ');

  it('shows the instant in the given time zone and language', () => {
    expect(format(instant, 'en', 'America/Los_Angeles')).toBe('Jul 1, 2025, 11:30 AM');
    expect(format(instant, 'es', 'Europe/Madrid')).toBe('1 jul 2025, 20:30');
  });

  it('still shows a date when the zone is unknown to this browser', () => {
    expect(formatDateTime(instant, 'en', 'Mars/Olympus_Mons')).toMatch(/2025/);
  });
});
