import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { hashToken } from '../../lib/tokens';

/**
 * The shape of an API key secret, as GitHub's tokens are made: a fixed prefix, 32
 * random bytes in base62 and a 6-character base62 CRC32 of the random part. A scanner (or this
 * server, before any database lookup) tells a well-formed key from a typo or a forgery offline.
 */
export const API_KEY_PREFIX = 'atr_live_';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const RANDOM_BYTES = 32;
/** ⌈256 / log2(62)⌉: every 32-byte value fits, shorter ones are padded with leading zeros. */
const RANDOM_CHARS = 43;
/** 62^6 > 2^32. */
const CHECKSUM_CHARS = 6;
/** Characters of the random part shown in lists beside `atr_live_`. */
const DISPLAY_CHARS = 6;
const SHAPE = new RegExp(`^${API_KEY_PREFIX}[0-9A-Za-z]{${RANDOM_CHARS + CHECKSUM_CHARS}}$`);

export interface NewApiKeySecret {
  /** Shown once, to whoever created or rolled the key; never stored. */
  secret: string;
  /** What the database keeps: SHA-256, hex. */
  secretHash: string;
  /** `atr_live_` and the first characters of the random part, to tell keys apart in lists. */
  prefix: string;
}

export function generateApiKeySecret(): NewApiKeySecret {
  const random = base62(BigInt(`0x${randomBytes(RANDOM_BYTES).toString('hex')}`), RANDOM_CHARS);
  const secret = `${API_KEY_PREFIX}${random}${checksumOf(random)}`;
  return {
    secret,
    secretHash: hashToken(secret),
    prefix: `${API_KEY_PREFIX}${random.slice(0, DISPLAY_CHARS)}`,
  };
}

/** Whether a bearer token is meant to be an API key at all (else it is a session token). */
export function looksLikeApiKey(token: string): boolean {
  return token.startsWith(API_KEY_PREFIX);
}

/** Prefix, length, alphabet and checksum all right: worth a database lookup. */
export function isWellFormedApiKey(token: string): boolean {
  if (!SHAPE.test(token)) return false;
  const body = token.slice(API_KEY_PREFIX.length);
  const random = body.slice(0, RANDOM_CHARS);
  return body.slice(RANDOM_CHARS) === checksumOf(random);
}

function checksumOf(random: string): string {
  return base62(BigInt(crc32(random)), CHECKSUM_CHARS);
}

function base62(value: bigint, width: number): string {
  let rest = value;
  let out = '';
  while (rest > 0n) {
    out = ALPHABET[Number(rest % 62n)] + out;
    rest /= 62n;
  }
  return out.padStart(width, ALPHABET[0]);
}
