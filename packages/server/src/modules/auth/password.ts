import argon2 from 'argon2';
import { badUserInput } from '../../graphql/errors';

/** OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. */
const HASH_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19 * 1024,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, HASH_OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;

/**
 * Burns the same time as a real check for an email that has no account, so the answer's
 * timing does not tell whether the address is registered.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('not-a-real-password-Atrium-1!');
  await verifyPassword(await dummyHash, password);
  return false;
}

/** Confirms the account's current password, or answers BAD_USER_INPUT on `field`. */
export async function confirmPassword(
  account: { passwordHash: string },
  password: string,
  field = 'password',
): Promise<void> {
  if (!(await verifyPassword(account.passwordHash, password)))
    throw badUserInput({ [field]: 'WRONG_PASSWORD' });
}
