import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../lib/free-port';

/** A server the bench started in its own process, with what it takes to call it. */
export interface BenchServer {
  url: string;
  process: ChildProcess;
  /** Anything the server said when it was ready (a peer's session cookie, say). */
  ready: Record<string, unknown>;
  /** The process's CPU time so far, user + system, in µs. */
  cpuMicros(): Promise<number>;
  stop(): void;
}

export const SECRET_KEY = 'bench-secret-key-0123456789abcdef0123456789abcdef';
const ATRIUM_MAIN = path.join(__dirname, '..', 'main.js');
const CPU_PROBE = path.join(__dirname, 'cpu-probe.js');

/** Atrium's own entry point, in production mode, on a free port. */
export function launchAtrium(env: Record<string, string>): Promise<BenchServer> {
  return launch(ATRIUM_MAIN, { SECRET_KEY, ...env }, 'poll');
}

/**
 * Forks `script` on a free port (PORT) in production mode. `ready` says how the bench learns it
 * listens: `ipc`, the script sends `{ ready: true, … }`; `poll`, a `{ __typename }` POST succeeds.
 */
export async function launch(
  script: string,
  env: Record<string, string>,
  ready: 'ipc' | 'poll',
): Promise<BenchServer> {
  const port = await freePort();
  const child = fork(script, [], {
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), ...env },
    execArgv: ['--require', CPU_PROBE],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    const said = ready === 'ipc' ? await readyMessage(child) : await listening(url);
    return server(url, child, said);
  } catch (error) {
    child.kill();
    throw new Error(`${path.basename(script)} did not start: ${String(error)}`);
  }
}

function server(url: string, child: ChildProcess, ready: Record<string, unknown>): BenchServer {
  return {
    url,
    process: child,
    ready,
    cpuMicros: () =>
      new Promise((resolve, reject) => {
        const onMessage = (message: { cpuUsage?: NodeJS.CpuUsage }) => {
          if (!message?.cpuUsage) return;
          child.off('message', onMessage);
          resolve(message.cpuUsage.user + message.cpuUsage.system);
        };
        child.on('message', onMessage);
        child.send({ cpuUsage: true }, (error) => {
          if (error) reject(error);
        });
      }),
    stop: () => {
      child.kill('SIGTERM');
    },
  };
}

function readyMessage(child: ChildProcess): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no ready message in 60 s')), 60_000);
    child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
    const onMessage = (message: Record<string, unknown>) => {
      if (!message?.ready) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(message);
    };
    child.on('message', onMessage);
  });
}

async function listening(url: string): Promise<Record<string, unknown>> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      if (response.ok) return {};
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('not listening after 60 s');
}
