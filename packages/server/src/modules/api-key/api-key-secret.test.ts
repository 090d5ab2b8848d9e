import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { generateApiKeySecret, isWellFormedApiKey, looksLikeApiKey } from './api-key-secret';

describe('API key secrets', () => {
  it('are atr_live_, 43 base62 characters of 32 random bytes and a 6-character CRC32', () => {
    const { secret, secretHash, prefix } = generateApiKeySecret();
    expect(secret).toMatch(/^atr_live_[0-9A-Za-z]{49}$/);
    expect(secretHash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(prefix).toBe(secret.slice(0, 'atr_live_'.length + 6));
    const random = secret.slice(9, 9 + 43);
    const checksum = secret.slice(9 + 43);
    // Decoded independently of the implementation: base62 digits 0-9, A-Z, a-z.
    const decode = (text: string) =>
      [...text].reduce(
        (value, char) =>
          value * 62n +
          BigInt('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'.indexOf(char)),
        0n,
      );
    expect(decode(checksum)).toBe(BigInt(crc32(random)));
    expect(decode(random) < 2n ** 256n).toBe(true);
    expect(isWellFormedApiKey(secret)).toBe(true);
    expect(looksLikeApiKey(secret)).toBe(true);
  });

  it('are different every time, and their display prefixes tell them apart', () => {
    const made = Array.from({ length: 200 }, generateApiKeySecret);
    expect(new Set(made.map((key) => key.secret)).size).toBe(200);
    expect(new Set(made.map((key) => key.prefix)).size).toBe(200);
  });

  it('refuses a typo, a wrong checksum, a wrong length or alphabet before anything else', () => {
    const { secret } = generateApiKeySecret();
    const flip = (text: string, at: number) =>
      text.slice(0, at) + (text[at] === 'a' ? 'b' : 'a') + text.slice(at + 1);
    expect(isWellFormedApiKey(flip(secret, 20))).toBe(false);
    expect(isWellFormedApiKey(flip(secret, secret.length - 1))).toBe(false);
    expect(isWellFormedApiKey(secret.slice(0, -1))).toBe(false);
    expect(isWellFormedApiKey(`${secret}0`)).toBe(false);
    expect(isWellFormedApiKey(`${secret.slice(0, 30)}_${secret.slice(31)}`)).toBe(false);
    expect(isWellFormedApiKey(secret.replace('atr_live_', 'atr_test_'))).toBe(false);
    expect(isWellFormedApiKey(`atr_live_${'0'.repeat(49)}`)).toBe(false);
  });
});
