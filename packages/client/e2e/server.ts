import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
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

/**
 * Starts the compiled production server on a free port. It uses `DATABASE_URL` and `REDIS_URL`
 * when they are set (CI's MariaDB + Redis pass), and a fresh SQLite file otherwise.
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
  let output = '';
  const child = spawn(process.execPath, [SERVER_MAIN], {
    cwd: SERVER_DIR,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: process.env.DATABASE_URL || `sqlite:${path.join(dataDir, 'e2e.sqlite')}`,
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
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    baseUrl,
    outboxDir,
    async stop() {
      await stopProcess(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
