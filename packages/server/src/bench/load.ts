import { fork, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** One load: the same request, over and over, on `connections` keep-alive connections. */
export interface LoadSpec {
  url: string;
  method: 'GET' | 'POST';
  body?: string;
  headers: Record<string, string>;
  seconds: number;
  connections: number;
}

export interface LoadResult {
  requests: number;
  requestsPerSecond: number;
  /** Latency percentiles, ms. */
  p50: number;
  p99: number;
  /** Non-2xx answers, timeouts and socket errors. */
  failures: number;
}

let wrkFound: boolean | null = null;

/** wrk (one thread, in C) loads a server with less of the machine than autocannon (Node). */
export function loadGenerator(): 'wrk' | 'autocannon' {
  wrkFound ??= spawnSync('wrk', ['-v']).error === undefined;
  return wrkFound ? 'wrk' : 'autocannon';
}

export const INSTALL_WRK_HINT =
  'wrk is not installed: using autocannon in a separate process, which takes more of the ' +
  'machine and so measures less precisely. Install wrk (Debian/Ubuntu: apt-get install -y wrk; ' +
  'macOS: brew install wrk) for steadier figures.';

/** Runs one load in another process (wrk, or autocannon when wrk is missing). */
export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return loadGenerator() === 'wrk' ? runWrk(spec) : runAutocannon(spec);
}

async function runWrk(spec: LoadSpec): Promise<LoadResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'atrium-bench-'));
  const script = path.join(dir, 'request.lua');
  writeFileSync(script, wrkScript(spec));
  try {
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn('wrk', [
        '-t1',
        `-c${spec.connections}`,
        `-d${spec.seconds}s`,
        '--timeout',
        '10s',
        '-s',
        script,
        spec.url,
      ]);
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.once('error', reject);
      child.once('exit', (code) =>
        code === 0 ? resolve(out) : reject(new Error(`wrk exited ${code}: ${out}`)),
      );
    });
    const line = output.split('\n').find((l) => l.startsWith('BENCH '));
    if (!line) throw new Error(`wrk said nothing the bench understands: ${output}`);
    const figures = JSON.parse(line.slice('BENCH '.length)) as {
      requests: number;
      durationMicros: number;
      errors: number;
      non2xx: number;
      p50Micros: number;
      p99Micros: number;
    };
    return {
      requests: figures.requests,
      requestsPerSecond: figures.requests / (figures.durationMicros / 1e6),
      p50: figures.p50Micros / 1000,
      p99: figures.p99Micros / 1000,
      failures: figures.errors + figures.non2xx,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A Lua long bracket that the text cannot close early. */
function luaString(text: string): string {
  let level = '';
  while (text.includes(`]${level}]`)) level += '=';
  return `[${level}[${text}]${level}]`;
}

function wrkScript(spec: LoadSpec): string {
  const headers = Object.entries(spec.headers)
    .map(([name, value]) => `wrk.headers[ ${luaString(name)} ] = ${luaString(value)}`)
    .join('\n');
  return `wrk.method = "${spec.method}"
${spec.body !== undefined ? `wrk.body = ${luaString(spec.body)}` : ''}
${headers}
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests":%d,"durationMicros":%d,"errors":%d,"non2xx":%d,"p50Micros":%d,"p99Micros":%d}\\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(99)))
end
`;
}

function runAutocannon(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'autocannon-runner.js'), [], {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    child.once('message', (result: LoadResult) => {
      resolve(result);
      child.kill();
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code) reject(new Error(`autocannon exited ${code}`));
    });
    child.send(spec);
  });
}
