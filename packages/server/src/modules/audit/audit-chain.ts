import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Changes } from './audit-types';

/**
 * How an organization's audit entries are chained, and how anyone recomputes it offline
 * (`verify-audit-export`, or their own code from docs/api-guide.md): each entry's hash is the
 * SHA-256 of the RFC 8785 canonical JSON of its fields, the previous entry's hash among them.
 *
 * What identifies a person (who acted, from where, names and addresses in the change) is kept
 * apart as the entry's details, which the chain holds only as a salted digest: when an account
 * is erased its details go, and the entry with its place in the chain stays verifiable.
 */

/** The previous hash of an organization's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** The version of what is hashed; a new one changes the fields, never old entries. */
export const CHAIN_VERSION = 1;

/** An entry's fields as the chain hashes them (dates as ISO 8601 UTC with milliseconds). */
export interface ChainedEntry {
  organizationId: string;
  sequence: number;
  id: string;
  createdAt: string;
  type: string;
  actorType: string;
  apiKeyId: string | null;
  targetType: string;
  targetId: string | null;
  targetLabel: string | null;
  changes: Changes;
  detailsDigest: string;
  previousHash: string;
}

/** The erasable part of an entry; `salt` keeps its digest from confirming a guess once erased. */
export interface EntryDetails {
  salt: string;
  actorAccountId: string | null;
  ipAddress: string | null;
  userAgent: string | null;
  personalLabel: string | null;
  personalChanges: Changes;
}

function sha256OfCanonical(value: object): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('nothing to hash');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function entryHash(entry: ChainedEntry): string {
  return sha256OfCanonical({ v: CHAIN_VERSION, ...entry });
}

export function detailsDigest(details: EntryDetails): string {
  return sha256OfCanonical({ v: CHAIN_VERSION, ...details });
}

/** Changes as stored: canonical JSON text, so reading and hashing agree byte for byte. */
export function canonicalJson(value: object): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('not JSON');
  return text;
}
