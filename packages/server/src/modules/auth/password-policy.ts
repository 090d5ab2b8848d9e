import { dictionary } from '@zxcvbn-ts/language-common';
import { codePointLength } from '../../lib/text';
import type { PasswordProblem } from './errors';

import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-limits';

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };

/** ~49,000 most common passwords (zxcvbn-ts's list), lower-cased. */
const COMMON_PASSWORDS = new Set(
  (dictionary['passwords-common'] as string[]).map((password) => password.toLowerCase()),
);

/** Who is choosing the password: words an attacker who knows them would try first. */
export interface PasswordContext {
  email: string;
  fullName?: string | null;
  organizationNames?: readonly string[];
}

const PRODUCT_NAME = 'atrium';

/**
 * Below this, a stripped core is not looked up: 'abc' from 'Abc!8302#9174$' is a short word
 * beside many random characters, and the list's ~40 shorter entries ('sam', 'dog', '007') would
 * refuse such passwords by chance. Applied to context too: fewer letters than this left besides
 * the context words is not a password of one's own.
 */
const MIN_WORD = 4;

/** Context words shorter than this ('al', 'jo') occur by chance in strong passwords. */
const MIN_CONTEXT_WORD = 3;

/**
 * How many digit/symbol boundaries of a leading or trailing run are tried as cut points, nearest
 * the letters first; bounds the work on a password that is mostly digits and symbols.
 */
const MAX_CUTS = 3;

/** After zxcvbn's l33t table: one letter per character... */
const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '2': 'z',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '6': 'g',
  '8': 'b',
  '9': 'g',
  '@': 'a',
  $: 's',
  '!': 'i',
  '+': 't',
  '(': 'c',
  '€': 'e',
};
/**
 * ...except these, which stand for either letter. Every occurrence of one takes the same
 * reading, as in zxcvbn's matcher, so there are at most 3·2·2 variants whatever the length. '1'
 * may also stay a digit: many list entries end in one ('trustno1').
 */
const AMBIGUOUS_LEET: Readonly<Record<string, readonly string[]>> = {
  '1': ['i', 'l', '1'],
  '|': ['i', 'l'],
  '7': ['t', 'l'],
};

/**
 * The product's stated policy: at least 8 characters with an uppercase letter, a
 * number and a special character; not the email address; not made of context words (ASVS
 * 6.2.12); not a common password, even disguised (ASVS 6.2.11). No truncation: argon2 hashes
 * every character. Characters are code points, as MaxChars counts them. Returns the first
 * problem (its English sentence is in errors.ts), or null.
 */
export function passwordPolicyProblem(
  password: string,
  context: PasswordContext,
): PasswordProblem | null {
  const length = codePointLength(password);
  if (length < PASSWORD_MIN_LENGTH) return 'PASSWORD_TOO_SHORT';
  if (length > PASSWORD_MAX_LENGTH) return 'PASSWORD_TOO_LONG';
  if (!/\p{Lu}/u.test(password)) return 'PASSWORD_NEEDS_UPPERCASE';
  if (!/\p{Nd}/u.test(password)) return 'PASSWORD_NEEDS_NUMBER';
  if (!/[^\p{L}\p{Nd}\s]/u.test(password)) return 'PASSWORD_NEEDS_SPECIAL';
  if (password.trim().toLowerCase() === context.email.trim().toLowerCase()) {
    return 'PASSWORD_IS_EMAIL';
  }
  if (isMostlyContext(password, contextWords(context))) return 'PASSWORD_HAS_CONTEXT_WORD';
  if (isCommonPassword(password)) return 'PASSWORD_TOO_COMMON';
  return null;
}

/**
 * Whether the password is a common one once the mutations of cracking wordlists are undone:
 * case, leetspeak, and digits or symbols before or after it ('P@ssw0rd2024!' is 'password';
 * a year is such a run of digits).
 */
export function isCommonPassword(password: string): boolean {
  return cores(password.toLowerCase()).some(
    (core) => core.length >= MIN_WORD && readings(core).some((word) => COMMON_PASSWORDS.has(word)),
  );
}

/**
 * Refused when, in some reading of the password, what is not a context word has fewer than
 * MIN_WORD letters ('Atr1um!!99', 'Jonathan.Doe1!') or is itself a common password
 * ('AtriumPassword1!'). A passphrase that merely mentions one ('Atrium-is-my-Favourite-App-7')
 * keeps enough of its own.
 */
function isMostlyContext(password: string, words: readonly string[]): boolean {
  const lower = password.toLowerCase();
  return readings(lower).some((reading) => {
    const covered = new Array<boolean>(reading.length).fill(false);
    let found = false;
    for (const word of words) {
      for (let at = reading.indexOf(word); at !== -1; at = reading.indexOf(word, at + 1)) {
        covered.fill(true, at, at + word.length);
        found = true;
      }
    }
    if (!found) return false;
    // Readings keep every character's position, so what is left is read from the password itself.
    const rest = lower
      .split('')
      .filter((_, index) => !covered[index])
      .join('');
    return (rest.match(/\p{L}/gu)?.length ?? 0) < MIN_WORD || isCommonPassword(rest);
  });
}

/** The product's name; the email's local part, whole and in pieces; the person's and organizations' names. */
function contextWords({ email, fullName, organizationNames = [] }: PasswordContext): string[] {
  const address = email.trim().toLowerCase();
  const localPart = address.slice(0, Math.max(0, address.lastIndexOf('@')));
  const words = [PRODUCT_NAME, localPart];
  for (const source of [localPart, fullName ?? '', ...organizationNames]) {
    const lower = source.toLowerCase();
    // Pieces with their digits ('jdoe1985') and the bare letters ('jdoe').
    words.push(...lower.split(/[^\p{L}\p{Nd}]+/u), ...lower.split(/[^\p{L}]+/u));
  }
  return [...new Set(words)].filter((word) => word.length >= MIN_CONTEXT_WORD);
}

/**
 * The password without leading and trailing runs of digits and symbols, each cut at the
 * boundaries between digits and symbols too: 'Trustno1!' gives 'trustno1' and 'trustno', and
 * 'Hell0!23' gives 'hell0'. Letters are never cut.
 */
function cores(password: string): string[] {
  const letters = [...password.matchAll(/\p{L}/gu)];
  if (letters.length === 0) return [password];
  const first = letters[0].index ?? 0;
  const lastLetter = letters[letters.length - 1];
  const last = (lastLetter.index ?? 0) + lastLetter[0].length;
  const starts = [0, ...boundaries(password, 0, first).slice(-MAX_CUTS), first];
  const ends = [last, ...boundaries(password, last, password.length).slice(0, MAX_CUTS)];
  ends.push(password.length);
  const result = new Set<string>();
  for (const start of starts) for (const end of ends) result.add(password.slice(start, end));
  return [...result];
}

function boundaries(text: string, from: number, to: number): number[] {
  const isDigit = (index: number) => /\p{Nd}/u.test(text[index]);
  const result: number[] = [];
  for (let index = from + 1; index < to; index++) {
    if (isDigit(index) !== isDigit(index - 1)) result.push(index);
  }
  return result;
}

/**
 * The text as typed and its leetspeak readings. Each substitution is one character for one, so
 * a position in a reading is the same position in the text.
 */
function readings(text: string): string[] {
  let decoded = [
    text
      .split('')
      .map((char) => LEET[char] ?? char)
      .join(''),
  ];
  for (const [char, letters] of Object.entries(AMBIGUOUS_LEET)) {
    if (!text.includes(char)) continue;
    decoded = decoded.flatMap((reading) =>
      letters.map((letter) => reading.split(char).join(letter)),
    );
  }
  return [...new Set([text, ...decoded])];
}
