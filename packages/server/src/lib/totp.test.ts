import { base32Decode, base32Encode, matchingStep, totp, type TotpAlgorithm } from './totp';

/** RFC 6238 Appendix B: each algorithm with its own seed length (20, 32, 64 bytes). */
const SEEDS: Record<TotpAlgorithm, Buffer> = {
  sha1: Buffer.from('12345678901234567890', 'ascii'),
  sha256: Buffer.from('12345678901234567890123456789012', 'ascii'),
  sha512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234', 'ascii'),
};

const VECTORS: Array<[number, string, string, string]> = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

describe('TOTP (RFC 6238 Appendix B)', () => {
  it.each(VECTORS)(
    'at T=%d gives the SHA-1, SHA-256 and SHA-512 vectors',
    (time, sha1, sha256, sha512) => {
      expect(totp(SEEDS.sha1, time, 8, 'sha1')).toBe(sha1);
      expect(totp(SEEDS.sha256, time, 8, 'sha256')).toBe(sha256);
      expect(totp(SEEDS.sha512, time, 8, 'sha512')).toBe(sha512);
    },
  );

  it('accepts ±1 time step and no further', () => {
    const secret = SEEDS.sha1;
    const now = 1_800_000_000;
    expect(matchingStep(secret, totp(secret, now), now)).toBe(60_000_000);
    expect(matchingStep(secret, totp(secret, now - 30), now)).toBe(59_999_999);
    expect(matchingStep(secret, totp(secret, now + 30), now)).toBe(60_000_001);
    expect(matchingStep(secret, totp(secret, now - 60), now)).toBeNull();
    expect(matchingStep(secret, totp(secret, now + 60), now)).toBeNull();
    expect(matchingStep(secret, '12345', now)).toBeNull();
  });

  it('round-trips base32 (RFC 4648)', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('MZXW6YTBOI').toString()).toBe('foobar');
    const random = Buffer.from(Array.from({ length: 20 }, (_, i) => (i * 37) % 256));
    expect(base32Decode(base32Encode(random))).toEqual(random);
  });
});
