import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Reading what the server "sent": with no SMTP or SMS provider configured it writes each mail
 * as an `.eml` file and each SMS as a `.json` file into its outbox directory.
 */

/** What a test reads in a message the server wrote to its outbox. */
export interface Mail {
  file: string;
  to: string;
  subject: string;
  /** The text/plain body, decoded. */
  text: string;
}

/** Quoted-printable (RFC 2045 §6.7): `=` line ends are soft breaks, `=XX` are bytes. */
export function decodeQuotedPrintable(encoded: string, charset = 'utf-8'): string {
  const joined = encoded.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i += 1) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i], 'utf8'));
    }
  }
  return new TextDecoder(charset).decode(Uint8Array.from(bytes));
}

function splitHead(part: string): { headers: Map<string, string>; body: string } {
  const match = /\r?\n\r?\n/.exec(part);
  const head = match ? part.slice(0, match.index) : part;
  const body = match ? part.slice(match.index + match[0].length) : '';
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function decodeBody(headers: Map<string, string>, body: string): string {
  const charset = /charset="?([^";]+)"?/i.exec(headers.get('content-type') ?? '')?.[1] ?? 'utf-8';
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body, charset);
  if (encoding === 'base64') {
    return new TextDecoder(charset).decode(Buffer.from(body.replace(/\s+/g, ''), 'base64'));
  }
  return body;
}

/** The text/plain body of a message, alone or as a part of a multipart one. */
function plainText(headers: Map<string, string>, body: string): string {
  const contentType = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary)
    return contentType.toLowerCase().startsWith('text/plain') ? decodeBody(headers, body) : '';
  for (const part of body.split(`--${boundary}`).slice(1)) {
    if (part.startsWith('--')) break; // the closing delimiter
    const inner = splitHead(part.replace(/^\r?\n/, ''));
    const text = plainText(inner.headers, inner.body);
    if (text) return text;
  }
  return '';
}

export function parseMail(file: string, source: string): Mail {
  const { headers, body } = splitHead(source);
  return {
    file,
    to: headers.get('to') ?? '',
    subject: headers.get('subject') ?? '',
    text: plainText(headers, body),
  };
}

async function filesNewestFirst(outboxDir: string, extension: string): Promise<string[]> {
  let names: string[];
  try {
    names = (await readdir(outboxDir)).filter((name) => name.endsWith(extension));
  } catch {
    return []; // nothing sent yet: the directory comes with the first message
  }
  const files = await Promise.all(
    names.map(async (name) => {
      const file = path.join(outboxDir, name);
      return { file, modified: (await stat(file)).mtimeMs };
    }),
  );
  // Same millisecond: the server's names start with the time, so they break the tie.
  return files
    .sort((a, b) => b.modified - a.modified || b.file.localeCompare(a.file))
    .map(({ file }) => file);
}

/**
 * The newest outbox file with `extension` whose parsed content `matches`, waiting for it: mail
 * goes out after the request that caused it was answered. A file still being written does not
 * parse or match yet, so it is read again on the next round.
 */
async function waitForOutboxFile<T>(
  outboxDir: string,
  extension: string,
  parse: (file: string, source: string) => T | null,
  matches: (item: T) => boolean,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const file of await filesNewestFirst(outboxDir, extension)) {
      const item = parse(file, await readFile(file, 'utf8'));
      if (item !== null && matches(item)) return item;
    }
    if (Date.now() > deadline) {
      throw new Error(`No matching ${extension} file in ${outboxDir} within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The newest mail that `matches`, once it is in the outbox. */
export function waitForMail(
  outboxDir: string,
  matches: (mail: Mail) => boolean,
  timeoutMs = 15_000,
): Promise<Mail> {
  return waitForOutboxFile(outboxDir, '.eml', parseMail, matches, timeoutMs);
}

export interface Sms {
  to: string;
  body: string;
}

function parseSms(_file: string, source: string): Sms | null {
  try {
    const sms = JSON.parse(source) as Partial<Sms>;
    return typeof sms.to === 'string' && typeof sms.body === 'string'
      ? { to: sms.to, body: sms.body }
      : null;
  } catch {
    return null;
  }
}

/** The newest SMS to `phone` (E.164), once it is in the outbox. */
export function waitForSms(outboxDir: string, phone: string, timeoutMs = 15_000): Promise<Sms> {
  return waitForOutboxFile(outboxDir, '.json', parseSms, (sms) => sms.to === phone, timeoutMs);
}

/** The first link to `pathname` (such as `/reset-password`) in a message's text. */
export function linkIn(mail: Mail, pathname: string): URL {
  for (const candidate of mail.text.match(/https?:\/\/[^\s<>"]+/g) ?? []) {
    const url = new URL(candidate);
    if (url.pathname === pathname) return url;
  }
  throw new Error(`No ${pathname} link in "${mail.subject}":\n${mail.text}`);
}
