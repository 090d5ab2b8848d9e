import { parsePhoneNumberFromString } from 'libphonenumber-js';

/** An E.164 number as people read it, `+34 612 34 56 78`; anything unparseable as it came. */
export function formatPhoneNumber(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
