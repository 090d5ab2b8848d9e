import { stringify } from 'csv-stringify/sync';
import type { AuditFilter, ChainEnds, Changes } from './audit-types';

/**
 * The files an export writes, and reads back for verification: JSON lines (a header line, then
 * one entry per line) or CSV (a row of column names, then one entry per row). Both hold every
 * field the chain hashes, so either can be checked offline (audit-verify.ts).
 */

export const EXPORT_FORMAT_NAME = 'atrium-audit-log';
export const EXPORT_FORMAT_VERSION = 1;

/** The JSON lines file's first line: what was exported, and where the chain stood. */
export interface ExportHeader {
  format: typeof EXPORT_FORMAT_NAME;
  version: number;
  organizationId: string;
  exportedAt: string;
  filter: {
    actorAccountId: string | null;
    apiKeyId: string | null;
    types: string[] | null;
    since: string | null;
    until: string | null;
  };
  /** The last entry retention removed (sequence 0 and the genesis hash: none). */
  anchor: { sequence: number; hash: string };
  /** The chain's last entry when the export began; later ones are not in the file. */
  head: { sequence: number; hash: string };
}

/** One entry as exported. The `personal*`, actor and client fields are null once erased. */
export interface ExportEntry {
  organizationId: string;
  sequence: number;
  id: string;
  createdAt: string;
  type: string;
  actorType: string;
  actorAccountId: string | null;
  /** Not hashed: the actor's name at the time of the export. */
  actorName: string | null;
  apiKeyId: string | null;
  ipAddress: string | null;
  userAgent: string | null;
  targetType: string;
  targetId: string | null;
  targetLabel: string | null;
  changes: Changes;
  personalLabel: string | null;
  personalChanges: Changes | null;
  /** Not hashed: whether the details were erased (then `salt` is null). */
  detailsErased: boolean;
  salt: string | null;
  detailsDigest: string;
  previousHash: string;
  hash: string;
}

/** CSV columns, in order. */
export const CSV_COLUMNS = [
  'organizationId',
  'sequence',
  'id',
  'createdAt',
  'type',
  'actorType',
  'actorAccountId',
  'actorName',
  'apiKeyId',
  'ipAddress',
  'userAgent',
  'targetType',
  'targetId',
  'targetLabel',
  'changes',
  'personalLabel',
  'personalChanges',
  'detailsErased',
  'salt',
  'detailsDigest',
  'previousHash',
  'hash',
] as const satisfies ReadonlyArray<keyof ExportEntry>;

export function exportHeader(
  organizationId: string,
  filter: AuditFilter,
  ends: ChainEnds,
  now = new Date(),
): ExportHeader {
  return {
    format: EXPORT_FORMAT_NAME,
    version: EXPORT_FORMAT_VERSION,
    organizationId,
    exportedAt: now.toISOString(),
    filter: {
      actorAccountId: filter.actorAccountId ?? null,
      apiKeyId: filter.apiKeyId ?? null,
      types: filter.types && filter.types.length > 0 ? [...filter.types] : null,
      since: filter.since?.toISOString() ?? null,
      until: filter.until?.toISOString() ?? null,
    },
    anchor: ends.anchor,
    head: ends.head,
  };
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a
 * formula: such text is written with a leading apostrophe, and so is text that already starts
 * with one, so reading it back is exact (drop one leading apostrophe).
 */
const NEEDS_APOSTROPHE = /^[=+\-@\t\r']/;

export function escapeCell(text: string): string {
  return NEEDS_APOSTROPHE.test(text) ? `'${text}` : text;
}

export function unescapeCell(text: string): string {
  return text.startsWith("'") ? text.slice(1) : text;
}

/** CSV text for `entries`, with the row of column names first when `withHeader`. */
export function csvRows(entries: readonly ExportEntry[], withHeader: boolean): string {
  const rows = entries.map((entry) =>
    CSV_COLUMNS.map((column) => {
      const value = entry[column];
      if (value === null) return '';
      if (typeof value === 'object') return JSON.stringify(value);
      return typeof value === 'string' ? escapeCell(value) : String(value);
    }),
  );
  return stringify(withHeader ? [[...CSV_COLUMNS], ...rows] : rows, {
    record_delimiter: 'windows',
  });
}

/** An entry read back from a CSV record (column name → cell). */
export function fromCsvRecord(record: Record<string, string>): ExportEntry {
  const text = (column: (typeof CSV_COLUMNS)[number]) => unescapeCell(record[column] ?? '');
  const nullable = (column: (typeof CSV_COLUMNS)[number]) => text(column) || null;
  const json = (column: (typeof CSV_COLUMNS)[number]) => {
    const value = text(column);
    return value === '' ? null : (JSON.parse(value) as Changes);
  };
  return {
    organizationId: text('organizationId'),
    sequence: Number(text('sequence')),
    id: text('id'),
    createdAt: text('createdAt'),
    type: text('type'),
    actorType: text('actorType'),
    actorAccountId: nullable('actorAccountId'),
    actorName: nullable('actorName'),
    apiKeyId: nullable('apiKeyId'),
    ipAddress: nullable('ipAddress'),
    userAgent: nullable('userAgent'),
    targetType: text('targetType'),
    targetId: nullable('targetId'),
    targetLabel: nullable('targetLabel'),
    changes: json('changes') ?? {},
    personalLabel: nullable('personalLabel'),
    personalChanges: json('personalChanges'),
    detailsErased: text('detailsErased') === 'true',
    salt: nullable('salt'),
    detailsDigest: text('detailsDigest'),
    previousHash: text('previousHash'),
    hash: text('hash'),
  };
}
