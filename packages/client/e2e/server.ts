import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const CLIENT_DIR = path.resolve(__dirname, '..');
const SERVER_DIR = path.resolve(CLIENT_DIR, '..', 'server');
const SERVER_MAIN = path.join(SERVER_DIR, 'dist', 'main.js');
const CLIENT_DIST = path.join(CLIENT_DIR, 'dist');

export interface RunningServer {
  /** http://localhost:<port>: production cookies are `__Host-` + Secure, which needs localhost. */
  baseUrl: string;
  /** Where the server writes mail (`.eml`) and SMS (`.json`), having no transport configured. */
  outboxDir: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

async function waitUntilReady(baseUrl: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The server exited with code ${child.exitCode}:\n${output()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/readyz`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The server was not ready within 30 s:\n${output()}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const forceKill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(forceKill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** The server package's mysql2: the client has no database driver of its own. */
interface Mysql {
  createConnection(
    uri: string,
  ): Promise<{ query(sql: string): Promise<unknown>; end(): Promise<void> }>;
}
const serverRequire = createRequire(path.join(SERVER_DIR, 'package.json'));

/**
 * A database of the server's own: a fresh SQLite file, or, when DATABASE_URL names a
 * MySQL/MariaDB one (CI's second pass), a new database beside it, dropped at stop. Browser tests
 * run two at a time, and servers sharing a database would share a job queue: one server could
 * send another's mail into its own outbox.
 */
async function ownDatabase(dataDir: string): Promise<{ url: string; drop(): Promise<void> }> {
  const configured = process.env.DATABASE_URL;
  if (!configured || !/^(mysql|mariadb):/.test(configured)) {
    return { url: `sqlite:${path.join(dataDir, 'e2e.sqlite')}`, drop: async () => {} };
  }
  const url = new URL(configured);
  const name = `${url.pathname.slice(1) || 'atrium'}_e2e_${randomBytes(4).toString('hex')}`;
  const admin = new URL(configured);
  admin.pathname = '/';
  const { createConnection } = serverRequire('mysql2/promise') as Mysql;
  const run = async (sql: string) => {
    const connection = await createConnection(admin.toString());
    try {
      await connection.query(sql);
    } finally {
      await connection.end();
    }
  };
  await run(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS \`${name}\``) };
}

/**
 * Starts the compiled production server on a free port, on a database of its own (see
 * ownDatabase) and, when `REDIS_URL` is set, on that Redis under a prefix of its own.
 */
export async function startServer(): Promise<RunningServer> {
  if (!existsSync(SERVER_MAIN)) {
    throw new Error(`${SERVER_MAIN} is missing: build the server first (pnpm build).`);
  }
  if (!existsSync(path.join(CLIENT_DIST, 'index.html'))) {
    throw new Error(`${CLIENT_DIST} has no build: build the client first (pnpm build).`);
  }
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'atrium-e2e-'));
  const outboxDir = path.join(dataDir, 'outbox');
  const database = await ownDatabase(dataDir);
  let output = '';
  const child = spawn(process.execPath, [SERVER_MAIN], {
    cwd: SERVER_DIR,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: database.url,
      // A Redis namespace of its own: the sign-ups of every browser test on this run, and of
      // runs earlier in the hour, would otherwise share one per-address sign-up limit.
      ...(process.env.REDIS_URL
        ? {
            REDIS_URL: process.env.REDIS_URL,
            REDIS_PREFIX: `atrium-e2e-${randomBytes(6).toString('hex')}:`,
          }
        : {}),
      SECRET_KEY: randomBytes(32).toString('hex'),
      APP_URL: baseUrl,
      OUTBOX_DIR: outboxDir,
      CLIENT_DIST_DIR: CLIENT_DIST,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  try {
    await waitUntilReady(baseUrl, child, () => output);
  } catch (error) {
    await stopProcess(child);
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    baseUrl,
    outboxDir,
    async stop() {
      await stopProcess(child);
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
