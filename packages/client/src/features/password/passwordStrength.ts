/**
 * Advice while a password is typed, from the product's stated policy: at least 8
 * characters with an uppercase letter, a number and a special character, not the email
 * address; beyond that, length is what makes a password strong. The server decides, and also
 * refuses common passwords, which this cannot know.
 */

/** The policy's rules, in the order the advice names them. Mirrors the server's checks. */
const RULES = {
  length: (password: string) => password.length >= 8,
  uppercase: (password: string) => /\p{Lu}/u.test(password),
  number: (password: string) => /\p{Nd}/u.test(password),
  special: (password: string) => /[^\p{L}\p{Nd}\s]/u.test(password),
} as const;

export type PasswordRule = keyof typeof RULES | 'notEmail';

/** 0 nothing typed, 1 too weak (the server will refuse it), then fair, good and strong. */
export type StrengthScore = 0 | 1 | 2 | 3 | 4;

export const STRENGTH_LEVELS = ['empty', 'tooWeak', 'fair', 'good', 'strong'] as const;
export type StrengthLevel = (typeof STRENGTH_LEVELS)[number];

export interface PasswordStrength {
  score: StrengthScore;
  level: StrengthLevel;
  /** The policy rules still unmet. */
  missing: PasswordRule[];
}

const GOOD_LENGTH = 12;
const STRONG_LENGTH = 16;

export function passwordStrength(password: string, email?: string): PasswordStrength {
  if (password === '') return { score: 0, level: 'empty', missing: [] };
  const missing: PasswordRule[] = (Object.keys(RULES) as Array<keyof typeof RULES>).filter(
    (rule) => !RULES[rule](password),
  );
  if (email && password.trim().toLowerCase() === email.trim().toLowerCase()) {
    missing.push('notEmail');
  }
  const score: StrengthScore =
    missing.length > 0
      ? 1
      : password.length >= STRONG_LENGTH
        ? 4
        : password.length >= GOOD_LENGTH
          ? 3
          : 2;
  return { score, level: STRENGTH_LEVELS[score], missing };
}
