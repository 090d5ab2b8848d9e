import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The compiled server, run exactly as `pnpm --filter @atrium/server start` does. */
const MAIN = path.join(__dirname, '..', '..', 'dist', 'main.js');

/** Starts dist/main.js with only PATH and `env`; its stdout and stderr are pipes to this process. */
export function startProcess(env: Record<string, string>): ChildProcess {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build the server first`);
  return spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
