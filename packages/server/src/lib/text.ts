/**
 * What every string a client sends must be before anything reads it: well-formed, free of
 * controls, and in Unicode NFC. Every input field is one line of text (names, addresses, URLs,
 * codes, tokens, passwords), so line breaks are refused along with the other controls.
 */

/** Half of a surrogate pair without its other half: in /u mode a proper pair is one code point. */
const LONE_SURROGATE = /\p{Cs}/u;
/** C0, DEL and C1 controls (NUL, tab, CR, LF, ESC…) and the Unicode line/paragraph separators. */
const CONTROL = /[\p{Cc}\u2028\u2029]/u;
/**
 * Explicit bidi embeddings, overrides and isolates: they reorder the text around them wherever
 * a name is shown (member lists, invitation mail), the "Trojan Source" spoof. The implicit marks
 * (LRM U+200E, RLM U+200F, ALM U+061C) stay allowed: mixed-direction names need them.
 */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
/** Printable ASCII: already NFC and clean, the common case, checked without the regexes above. */
const PLAIN_ASCII = /^[\x20-\x7E]*$/;

/** Why text is refused, as the reasons the input layer answers with (graphql/input-errors.ts). */
export const TEXT_PROBLEMS = {
  loneSurrogate: 'INVALID_CHARACTER',
  control: 'CONTROL_CHARACTERS',
  bidi: 'TEXT_DIRECTION_CHARACTERS',
} as const;

export type TextProblem = (typeof TEXT_PROBLEMS)[keyof typeof TEXT_PROBLEMS];

export type CleanText = { ok: true; text: string } | { ok: false; problem: TextProblem };

/** The NFC form of `value`, or why it is refused. */
export function cleanText(value: string): CleanText {
  if (PLAIN_ASCII.test(value)) return { ok: true, text: value };
  // UTF-8 cannot encode a lone surrogate: drivers would write U+FFFD or fail, and encodeURI throws.
  if (LONE_SURROGATE.test(value)) return { ok: false, problem: TEXT_PROBLEMS.loneSurrogate };
  if (CONTROL.test(value)) return { ok: false, problem: TEXT_PROBLEMS.control };
  if (BIDI_CONTROL.test(value)) return { ok: false, problem: TEXT_PROBLEMS.bidi };
  return { ok: true, text: value.normalize('NFC') };
}

/**
 * Length in Unicode code points: what a utf8mb4 VARCHAR(n) counts on MySQL/MariaDB, and what
 * SQLite stores. Not JS `.length` (UTF-16 units: an emoji is 2) nor validator.js `isLength`
 * (which does not count variation selectors at all).
 */
export function codePointLength(value: string): number {
  let length = value.length;
  for (let i = 0; i < value.length - 1; i += 1) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length -= 1;
        i += 1;
      }
    }
  }
  return length;
}

/** The first `max` code points of `value`, never half of a surrogate pair. */
export function truncateCodePoints(value: string, max: number): string {
  if (codePointLength(value) <= max) return value;
  return Array.from(value).slice(0, max).join('');
}
