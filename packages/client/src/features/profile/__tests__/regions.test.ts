import { describeTimeZone, detectedTimeZone, isKnownTimeZone, timeZoneOptions } from '../regions';

function browserIn(timeZone: string) {
  const resolvedOptions = Intl.DateTimeFormat.prototype.resolvedOptions;
  return jest.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockImplementation(function (
    this: Intl.DateTimeFormat,
  ) {
    return { ...resolvedOptions.call(this), timeZone };
  });
}

describe('time zones', () => {
  it('detects the browser’s zone for a new account, when the API takes it', () => {
    const madrid = browserIn('Europe/Madrid');
    expect(detectedTimeZone()).toBe('Europe/Madrid');
    madrid.mockRestore();
    const unknown = browserIn('Etc/Unknown');
    expect(detectedTimeZone()).toBeNull();
    unknown.mockRestore();
  });

  it('reads as offset and city, and lists the zones west to east', () => {
    const winter = new Date('2025-01-15T12:00:00Z');
    expect(describeTimeZone('Europe/Madrid', winter)).toBe('UTC+01:00 · Madrid (Europe)');
    expect(describeTimeZone('America/Argentina/Buenos_Aires', winter)).toBe(
      'UTC-03:00 · Buenos Aires (America/Argentina)',
    );
    expect(describeTimeZone('Europe/London', winter)).toBe('UTC+00:00 · London (Europe)');
    const options = timeZoneOptions('Europe/Madrid', winter);
    expect(options[0].label).toMatch(/^UTC-1[12]:00/);
    expect(options.at(-1)?.label).toMatch(/^UTC\+14:00/);
    expect(options).toContainEqual({
      value: 'Australia/Adelaide',
      label: 'UTC+10:30 · Adelaide (Australia)',
    });
  });

  it('takes listed zones and their aliases, nothing else', () => {
    expect(isKnownTimeZone('Europe/Madrid')).toBe(true);
    expect(isKnownTimeZone('UTC')).toBe(true);
    expect(isKnownTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(isKnownTimeZone('Madrid')).toBe(false);
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isKnownTimeZone('+01:00')).toBe(false);
  });
});
