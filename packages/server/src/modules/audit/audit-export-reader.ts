import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import {
  EXPORT_FORMAT_NAME,
  fromCsvRecord,
  type ExportEntry,
  type ExportHeader,
} from './audit-export-format';

/** An export read back: its header (JSON lines only) and its entries, one at a time. */
export interface ExportFile {
  format: 'jsonl' | 'csv';
  header: ExportHeader | null;
  entries: AsyncIterable<ExportEntry>;
}

/**
 * Reads an export from a stream without holding it whole: JSON lines when its first byte is
 * `{`, CSV otherwise.
 */
export async function readExport(input: Readable): Promise<ExportFile> {
  const iterator = input[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const first = await iterator.next();
  const head = first.done ? '' : String(first.value);
  const rest = (async function* () {
    if (head !== '') yield head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      yield String(next.value);
    }
  })();
  if (head.trimStart().startsWith('{')) return readJsonLines(rest);
  return { format: 'csv', header: null, entries: csvEntries(rest) };
}

async function readJsonLines(chunks: AsyncIterable<string>): Promise<ExportFile> {
  const lines = createInterface({ input: asStream(chunks), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  let header: ExportHeader | null = null;
  const first = await iterator.next();
  const pending: string[] = [];
  if (!first.done) {
    const parsed = JSON.parse(first.value) as Partial<ExportHeader> & Record<string, unknown>;
    if (parsed.format === EXPORT_FORMAT_NAME) header = parsed as ExportHeader;
    else pending.push(first.value);
  }
  const entries = (async function* () {
    for (const line of pending) yield JSON.parse(line) as ExportEntry;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      if (next.value.trim() !== '') yield JSON.parse(next.value) as ExportEntry;
    }
  })();
  return { format: 'jsonl', header, entries };
}

async function* csvEntries(chunks: AsyncIterable<string>): AsyncIterable<ExportEntry> {
  const parser = asStream(chunks).pipe(parse({ columns: true, bom: true }));
  for await (const record of parser) yield fromCsvRecord(record as Record<string, string>);
}

function asStream(chunks: AsyncIterable<string>): Readable {
  return Readable.from(chunks);
}
