import { dictionary } from '@zxcvbn-ts/language-common';
import { codePointLength } from '../../lib/text';

export const PASSWORD_MAX_LENGTH = 1024;

/** ~49,000 most common passwords (zxcvbn-ts's list), lower-cased. */
const COMMON_PASSWORDS = new Set(
  (dictionary['passwords-common'] as string[]).map((password) => password.toLowerCase()),
);

/**
 * The product's stated policy (SPEC §3.3): at least 8 characters with an uppercase letter, a
 * number and a special character; not the email address; not a common password. No
 * truncation: argon2 hashes every character. Characters are code points, as MaxChars counts
 * them. Returns the first problem, or null.
 */
export function passwordPolicyProblem(password: string, email: string): string | null {
  const length = codePointLength(password);
  if (length < 8) return 'Use at least 8 characters';
  if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters`;
  if (!/\p{Lu}/u.test(password)) return 'Add an uppercase letter';
  if (!/\p{Nd}/u.test(password)) return 'Add a number';
  if (!/[^\p{L}\p{Nd}\s]/u.test(password)) return 'Add a special character';
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) {
    return 'Your password must not be your email address';
  }
  if (isCommonPassword(password)) return 'This password is too common; choose another';
  return null;
}

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}
