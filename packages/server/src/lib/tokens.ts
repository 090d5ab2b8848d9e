import { hash, randomBytes } from 'node:crypto';

/** An opaque secret for a client to hold: 32 random bytes, base64url. */
export function generateToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * What the database keeps instead of a token: its SHA-256, hex. One-shot `crypto.hash` (no
 * Hash object per call): it runs on every authenticated request.
 */
export function hashToken(token: string): string {
  return hash('sha256', token, 'hex');
}
