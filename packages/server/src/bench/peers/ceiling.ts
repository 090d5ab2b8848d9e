import { hash } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import { createPool, type RowDataPacket } from 'mysql2/promise';

/**
 * The ceiling for an authenticated read: node:http and mysql2 with nothing else. Each POST's
 * bearer token is hashed and looked up by its SHA-256 in Atrium's own `sessions` table joined
 * to `accounts`, the lookups of requests that arrive in one I/O poll sharing one `IN (…)`
 * query as Atrium's do; a live session answers the account as `me` would. No GraphQL, no
 * context, no logging: what any server must do at least.
 */
const SELECT =
  'SELECT s.token_hash, s.revoked_at, s.expires_at, s.absolute_expires_at, a.status, ' +
  'a.id, a.email, a.full_name FROM sessions s INNER JOIN accounts a ON a.id = s.account_id ' +
  'WHERE s.token_hash IN ';

async function main(): Promise<void> {
  const pool = createPool({ uri: process.env.DATABASE_URL, connectionLimit: 10 });
  let pending: Array<{ hash: string; answer: (row: RowDataPacket | null) => void }> = [];
  const flush = () => {
    const batch = pending;
    pending = [];
    const hashes = batch.map((entry) => entry.hash);
    void pool
      .query<RowDataPacket[]>(`${SELECT}(${hashes.map(() => '?').join(', ')})`, hashes)
      .then(([rows]) => {
        const found = new Map(rows.map((row) => [row.token_hash as string, row]));
        for (const entry of batch) entry.answer(found.get(entry.hash) ?? null);
      });
  };
  const lookUp = (hash: string) =>
    new Promise<RowDataPacket | null>((answer) => {
      if (pending.length === 0) setImmediate(flush);
      pending.push({ hash, answer });
    });

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      try {
        JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        response.writeHead(400).end();
        return;
      }
      const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
      if (!token) return answer(response, null);
      void lookUp(hash('sha256', token, 'hex')).then((row) => {
        const now = new Date();
        const live =
          row &&
          !row.revoked_at &&
          row.status !== 'DEACTIVATED' &&
          (row.expires_at as Date) > now &&
          (row.absolute_expires_at as Date) > now;
        answer(response, live ? { id: row.id, email: row.email, fullName: row.full_name } : null);
      });
    });
  });
  server.listen(Number(process.env.PORT), () => process.send?.({ ready: true }));
}

function answer(response: ServerResponse, me: Record<string, unknown> | null): void {
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify({ data: { me } }));
}

void main();
