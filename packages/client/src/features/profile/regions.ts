/** The officially assigned ISO 3166-1 alpha-2 codes (249). */
const COUNTRY_CODES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ ' +
  'BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM ' +
  'DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS ' +
  'GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN ' +
  'KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ ' +
  'MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM ' +
  'PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV ' +
  'SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI ' +
  'VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

export interface Option {
  value: string;
  label: string;
}

function regionName(names: Intl.DisplayNames, code: string): string {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * Countries named in the UI language and sorted by that name. A saved code outside the list
 * (an unusual but valid one) is kept, so opening the form never changes it silently.
 */
export function countryOptions(language: string, current: string): Option[] {
  const codes =
    current && !COUNTRY_CODES.includes(current) ? [...COUNTRY_CODES, current] : COUNTRY_CODES;
  const names = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
  const collator = new Intl.Collator(language);
  return codes
    .map((code) => ({ value: code, label: regionName(names, code) }))
    .sort((a, b) => collator.compare(a.label, b.label));
}

function knownTimeZones(): string[] {
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
}

/** The zone's offset from UTC at `at`, as `UTC+05:30` (`UTC+00:00` for zero). */
export function utcOffset(zone: string, at: Date): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  return part && part !== 'GMT' ? part.replace('GMT', 'UTC') : 'UTC+00:00';
}

/** How a zone reads in the picker: offset and city, `UTC+01:00 · Madrid (Europe)`. */
export function describeTimeZone(zone: string, at: Date = new Date()): string {
  const parts = zone.split('/');
  const city = parts[parts.length - 1].replaceAll('_', ' ');
  const region = parts.length > 1 ? ` (${parts.slice(0, -1).join('/').replaceAll('_', ' ')})` : '';
  return `${utcOffset(zone, at)} · ${city}${region}`;
}

function offsetMinutes(offset: string): number {
  const match = /UTC([+-])(\d\d):(\d\d)/.exec(offset);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/**
 * IANA time zones the browser knows, plus the saved one if the browser omits it (`UTC`),
 * west to east by their offset now, each labelled with offset and city for searching.
 */
export function timeZoneOptions(current: string, at: Date = new Date()): Option[] {
  const zones = knownTimeZones();
  const all = zones.includes(current) || !current ? zones : [current, ...zones];
  return all
    .map((zone) => ({
      value: zone,
      label: describeTimeZone(zone, at),
      offset: utcOffset(zone, at),
    }))
    .sort(
      (a, b) => offsetMinutes(a.offset) - offsetMinutes(b.offset) || a.value.localeCompare(b.value),
    )
    .map(({ value, label }) => ({ value, label }));
}

/** Whether the API takes this zone, as it checks it: a listed zone, or an alias of one. */
export function isKnownTimeZone(zone: string): boolean {
  if (zone === 'UTC' || knownTimeZones().includes(zone)) return true;
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*\/[A-Za-z0-9_+\-/]+$/.test(zone)) return false;
  try {
    const canonical = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions()
      .timeZone;
    return knownTimeZones().includes(canonical);
  } catch {
    return false;
  }
}

/** The browser's own time zone, for a new account; null when it is not one the API takes. */
export function detectedTimeZone(): string | null {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return zone && isKnownTimeZone(zone) ? zone : null;
  } catch {
    return null;
  }
}
