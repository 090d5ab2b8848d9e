import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import path from 'node:path';

/** The compiled server, run exactly as `pnpm --filter @atrium/server start` does. */
const MAIN = path.join(__dirname, '..', '..', 'dist', 'main.js');

/**
 * Starts dist/main.js with only PATH and `env` (in `cwd`, where its relative defaults such as
 * ./data land); its stdout and stderr are pipes to this process.
 */
export function startProcess(env: Record<string, string>, cwd?: string): ChildProcess {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build the server first`);
  return spawn(process.execPath, [MAIN], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** The URL the process logs once it listens; rejects if it exits first. */
export function listeningUrl(child: ChildProcess): Promise<string> {
  const stdout = createInterface({ input: child.stdout! });
  return new Promise<string>((resolve, reject) => {
    stdout.on('line', (line) => {
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.msg === 'listening') resolve(String(entry.url));
    });
    child.once('exit', () => reject(new Error('server exited before listening')));
  });
}
