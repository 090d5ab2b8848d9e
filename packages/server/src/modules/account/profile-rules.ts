import { registerDecorator, type ValidationOptions } from 'class-validator';
import { withReason } from '../../graphql/validation-reasons';

export const SUPPORTED_LOCALES = ['en', 'es'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

/** Lower-case letters, digits, dot, dash and underscore; starts and ends with a letter or digit. */
export const USERNAME_PATTERN = /^[a-z0-9](?:[a-z0-9._-]{1,28})[a-z0-9]$/;

const timeZones = new Set(Intl.supportedValuesOf('timeZone'));
timeZones.add('UTC');

/** An IANA zone name such as Europe/Madrid (aliases included); not offsets or abbreviations. */
export function isIanaTimeZone(value: unknown): boolean {
  if (typeof value !== 'string' || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(value)) return false;
  if (timeZones.has(value)) return true;
  try {
    const canonical = new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions()
      .timeZone;
    return timeZones.has(canonical) && value.includes('/');
  } catch {
    return false;
  }
}

export function IsIanaTimeZone(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIanaTimeZone',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { ...withReason('TIME_ZONE_UNKNOWN'), ...options },
      validator: { validate: isIanaTimeZone },
    });
}
