import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';
import { startAtrium, type AtriumServer, type StartOptions } from '../../src/app';
import { loadConfig } from '../../src/config/env';
import { createLogger } from '../../src/logger';
import { LocalDns } from './dns';

/**
 * A real Atrium on a free port: on the MySQL/MariaDB of DATABASE_URL when it is set (the CI
 * run does that), otherwise on a fresh SQLite file of its own.
 */
export async function startTestServer(
  env: Record<string, string> = {},
  options: StartOptions = {},
): Promise<AtriumServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'atrium-test-'));
  const ownDatabase = env.DATABASE_URL ? null : await freshDatabase(dir);
  const config = loadConfig({
    DATABASE_URL: ownDatabase?.url ?? env.DATABASE_URL,
    // CI's second pass sets REDIS_URL: then every test server shares rate limits and fan-out through it.
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    PORT: '0',
    SECRET_KEY: 'test-secret-key-0123456789abcdef0123456789abcdef',
    OUTBOX_DIR: path.join(dir, 'outbox'),
    CLIENT_DIST_DIR: path.join(dir, 'no-client'),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    // Actors send X-Forwarded-For (see Actor) through this "proxy".
    TRUSTED_PROXIES: '127.0.0.1,::1',
    ...env,
  });
  const atrium = await startAtrium(config, createLogger(config.logLevel), options);
  if (!ownDatabase) return atrium;
  const close = atrium.close;
  return Object.assign(atrium, { close: () => close().then(ownDatabase.drop) });
}

/**
 * A test server that resolves names through a LocalDns of its own (domain TXT checks, webhook
 * targets); closing the server closes the DNS server too.
 */
export async function startTestServerWithDns(
  env: Record<string, string> = {},
): Promise<{ atrium: AtriumServer; dns: LocalDns }> {
  const dns = await LocalDns.start();
  const atrium = await startTestServer({ DNS_SERVERS: dns.servers, ...env });
  const close = atrium.close;
  return { atrium: Object.assign(atrium, { close: () => close().then(() => dns.close()) }), dns };
}

let databases = 0;

/**
 * A database of the server's own: a SQLite file, or on MySQL/MariaDB (DATABASE_URL) a new
 * database beside the configured one, dropped at close. Instances sharing a database also
 * share its job queue, so tests keep theirs apart.
 */
export async function freshDatabase(
  dir: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base?.match(/^(mysql|mariadb):/)) {
    return { url: `sqlite:${path.join(dir, 'atrium.sqlite')}`, drop: async () => undefined };
  }
  const url = new URL(base);
  databases += 1;
  const name = `${url.pathname.slice(1)}_${process.pid}_${databases}`;
  const admin = await createConnection(base);
  await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const connection = await createConnection(base);
      await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await connection.end();
    },
  };
}

/** Several instances on one database, as replicas behind a proxy would be. */
export async function startTestCluster(
  size: number,
  env: Record<string, string> = {},
): Promise<AtriumServer[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'atrium-cluster-'));
  const shared = {
    DATABASE_URL: process.env.DATABASE_URL ?? `sqlite:${path.join(dir, 'atrium.sqlite')}`,
    // CI's second pass sets REDIS_URL: then every test server shares rate limits and fan-out through it.
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    ...env,
  };
  const instances: AtriumServer[] = [];
  for (let i = 0; i < size; i += 1) instances.push(await startTestServer(shared));
  return instances;
}

export function usingMysql(): boolean {
  return Boolean(process.env.DATABASE_URL?.match(/^(mysql|mariadb):/));
}

let counter = 0;

/** An email no other test (or earlier run on a shared database) has used. */
export function uniqueEmail(label = 'user'): string {
  counter += 1;
  return `${label}-${process.pid}-${Date.now().toString(36)}-${counter}@example.test`;
}
