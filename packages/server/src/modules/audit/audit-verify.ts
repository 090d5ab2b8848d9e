import { detailsDigest, entryHash, GENESIS_HASH } from './audit-chain';
import type { ExportEntry, ExportHeader } from './audit-export-format';

/** A run of sequence numbers missing from a file, both ends included. */
export interface Gap {
  from: number;
  to: number;
}

export interface Verification {
  /** No entry edited, none out of order, every link intact, and no gap the file cannot have. */
  ok: boolean;
  entries: number;
  firstSequence: number | null;
  lastSequence: number | null;
  /** Entries whose details were erased with an account: checked through their digest only. */
  erasedDetails: number;
  /** Missing sequence numbers; expected in an export filtered by person, key or type. */
  gaps: Gap[];
  /** What is wrong, one line each (empty when `ok`). */
  problems: string[];
}

export interface VerifyOptions {
  /**
   * Whether the file must hold every entry from its first to its last (and, with a header,
   * from the anchor to the head, but for a time range's ends). Defaults to what the header's
   * filter implies: yes unless it filtered by person, key or type. A CSV file has no header:
   * yes, unless told it was filtered (`complete: false`).
   */
  complete?: boolean;
}

/** The most problems listed; a file edited throughout says so without a line per entry. */
const MAX_PROBLEMS = 50;

/**
 * Checks an exported audit log entry by entry, holding only the previous one (any size of file):
 * each entry's own hash (which covers its previous hash), each erasable part against its digest,
 * the order, and each link to the entry before. With a JSON lines header it also checks the first
 * entry against the chain's anchor and the last against its head, as far as the filter allows.
 */
export async function verifyExport(
  header: ExportHeader | null,
  entries: AsyncIterable<ExportEntry> | Iterable<ExportEntry>,
  options: VerifyOptions = {},
): Promise<Verification> {
  const filter = header?.filter;
  const contentFiltered = Boolean(filter?.actorAccountId || filter?.apiKeyId || filter?.types);
  const complete = options.complete ?? !contentFiltered;
  const result: Verification = {
    ok: true,
    entries: 0,
    firstSequence: null,
    lastSequence: null,
    erasedDetails: 0,
    gaps: [],
    problems: [],
  };
  const problem = (text: string) => {
    result.ok = false;
    if (result.problems.length < MAX_PROBLEMS) result.problems.push(text);
  };
  const gap = (from: number, to: number, allowed: boolean) => {
    result.gaps.push({ from, to });
    if (!allowed) {
      problem(from === to ? `entry ${from} is missing` : `entries ${from} to ${to} are missing`);
    }
  };

  let previous: ExportEntry | null = null;
  for await (const entry of entries) {
    result.entries += 1;
    const at = `entry ${entry.sequence}`;
    if (!Number.isSafeInteger(entry.sequence) || entry.sequence < 1) {
      problem(`line ${result.entries}: no valid sequence number`);
      continue;
    }
    const organizationId = header?.organizationId ?? previous?.organizationId;
    if (organizationId && entry.organizationId !== organizationId) {
      problem(`${at} is of another organization`);
    }
    checkEntry(entry, at, problem, result);
    if (previous === null) {
      result.firstSequence = entry.sequence;
      checkStart(header, entry, complete, Boolean(filter?.since), problem, gap);
    } else if (entry.sequence <= previous.sequence) {
      problem(`${at} comes after entry ${previous.sequence}: out of order or repeated`);
      continue;
    } else if (entry.sequence === previous.sequence + 1) {
      if (entry.previousHash !== previous.hash) {
        problem(`${at} does not link to entry ${previous.sequence}: the chain is broken`);
      }
    } else {
      gap(previous.sequence + 1, entry.sequence - 1, !complete);
    }
    previous = entry;
    result.lastSequence = entry.sequence;
  }

  if (header) checkEnd(header, previous, complete, Boolean(filter?.until), problem, gap);
  return result;
}

function checkEntry(
  entry: ExportEntry,
  at: string,
  problem: (text: string) => void,
  result: Verification,
): void {
  if (entry.salt === null) {
    result.erasedDetails += 1;
  } else {
    const digest = detailsDigest({
      salt: entry.salt,
      actorAccountId: entry.actorAccountId,
      ipAddress: entry.ipAddress,
      userAgent: entry.userAgent,
      personalLabel: entry.personalLabel,
      personalChanges: entry.personalChanges ?? {},
    });
    if (digest !== entry.detailsDigest) {
      problem(`${at}: its actor, address or personal fields were changed`);
    }
  }
  const hash = entryHash({
    organizationId: entry.organizationId,
    sequence: entry.sequence,
    id: entry.id,
    createdAt: entry.createdAt,
    type: entry.type,
    actorType: entry.actorType,
    apiKeyId: entry.apiKeyId,
    targetType: entry.targetType,
    targetId: entry.targetId,
    targetLabel: entry.targetLabel,
    changes: entry.changes,
    detailsDigest: entry.detailsDigest,
    previousHash: entry.previousHash,
  });
  if (hash !== entry.hash) problem(`${at} was changed after it was written`);
}

function checkStart(
  header: ExportHeader | null,
  first: ExportEntry,
  complete: boolean,
  since: boolean,
  problem: (text: string) => void,
  gap: (from: number, to: number, allowed: boolean) => void,
): void {
  const anchor =
    header?.anchor ?? (first.sequence === 1 ? { sequence: 0, hash: GENESIS_HASH } : null);
  if (!anchor) return;
  if (first.sequence === anchor.sequence + 1) {
    if (first.previousHash !== anchor.hash) {
      problem(
        anchor.sequence === 0
          ? `entry ${first.sequence} does not start the chain`
          : `entry ${first.sequence} does not link to entry ${anchor.sequence}, the last one removed by retention`,
      );
    }
  } else if (first.sequence > anchor.sequence + 1) {
    gap(anchor.sequence + 1, first.sequence - 1, !complete || since);
  } else {
    problem(`entry ${first.sequence} was removed by retention before this export began`);
  }
}

function checkEnd(
  header: ExportHeader,
  last: ExportEntry | null,
  complete: boolean,
  until: boolean,
  problem: (text: string) => void,
  gap: (from: number, to: number, allowed: boolean) => void,
): void {
  const { head, anchor } = header;
  const lastSequence = last?.sequence ?? anchor.sequence;
  if (last && last.sequence === head.sequence && last.hash !== head.hash) {
    problem(`entry ${last.sequence} is not the chain's last entry as the export began`);
  } else if (last && last.sequence > head.sequence) {
    problem(`entry ${last.sequence} is past the chain's last entry as the export began`);
  } else if (lastSequence < head.sequence) {
    gap(lastSequence + 1, head.sequence, !complete || until);
  }
}
