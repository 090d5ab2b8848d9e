import { runLoad, type LoadResult } from './load';
import type { BenchServer } from './servers';

/** One row of the throughput table: the same request to one server, over and over. */
export interface Target {
  key: string;
  name: string;
  server: BenchServer;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  headers: Record<string, string>;
}

export interface Figure extends LoadResult {
  key: string;
  name: string;
  /** The server's CPU time per request in the round, µs. */
  cpuMicrosPerRequest: number;
}

export interface ThroughputOptions {
  rounds: number;
  seconds: number;
  warmUpSeconds: number;
  connections: number;
}

/**
 * Interleaved rounds: each round loads every target in turn, each load after an uncounted
 * warm-up of its own (the server was idle while the others were loaded). This machine's speed
 * drifts, and a ratio of two figures taken minutes apart would measure the drift.
 */
export async function measureThroughput(
  targets: readonly Target[],
  options: ThroughputOptions,
): Promise<Map<string, Figure>> {
  const rounds = new Map<string, Figure[]>(targets.map((t) => [t.key, []]));
  for (let round = 0; round < options.rounds; round += 1) {
    for (const target of targets) {
      const spec = {
        url: `${target.server.url}${target.path}`,
        method: target.method,
        body: target.body,
        headers: target.headers,
        connections: options.connections,
      };
      await runLoad({ ...spec, seconds: options.warmUpSeconds });
      const cpuBefore = await target.server.cpuMicros();
      const result = await runLoad({ ...spec, seconds: options.seconds });
      const cpu = (await target.server.cpuMicros()) - cpuBefore;
      rounds.get(target.key)?.push({
        ...result,
        key: target.key,
        name: target.name,
        cpuMicrosPerRequest: cpu / Math.max(1, result.requests),
      });
    }
  }
  return new Map(targets.map((t) => [t.key, median(rounds.get(t.key) ?? [])]));
}

/**
 * The round with the median requests/s stands for a target (its latencies with it); the CPU
 * per request is the median of the rounds' on its own; failures are summed.
 */
function median(figures: Figure[]): Figure {
  const middle = <T>(values: T[], by: (value: T) => number) =>
    [...values].sort((x, y) => by(x) - by(y))[Math.floor(values.length / 2)];
  const stand = middle(figures, (f) => f.requestsPerSecond);
  return {
    ...stand,
    cpuMicrosPerRequest: middle(figures, (f) => f.cpuMicrosPerRequest).cpuMicrosPerRequest,
    failures: figures.reduce((sum, f) => sum + f.failures, 0),
  };
}

/** A target: `numerator / denominator` of requests/s at least (or p99 at most) `bound`. */
export interface RatioTarget {
  label: string;
  numerator: string;
  denominator: string;
  measure: 'requests/s' | 'p99';
  bound: number;
}

export function printThroughput(
  figures: Map<string, Figure>,
  targets: readonly RatioTarget[],
  heading: string,
): boolean {
  console.log(`\n${heading}`);
  console.log(
    `${'row'.padEnd(52)} ${'req/s'.padStart(7)} ${'CPU µs/req'.padStart(10)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)}`,
  );
  for (const f of figures.values()) {
    console.log(
      `${`(${f.key}) ${f.name}`.padEnd(52)} ${f.requestsPerSecond.toFixed(0).padStart(7)} ${f.cpuMicrosPerRequest.toFixed(0).padStart(10)} ${f.p50.toFixed(2).padStart(7)} ${f.p99.toFixed(2).padStart(7)}${f.failures ? `   FAILURES ${f.failures}` : ''}`,
    );
  }
  let allMet = true;
  for (const target of targets) {
    const a = figures.get(target.numerator);
    const b = figures.get(target.denominator);
    if (!a || !b) continue;
    if (target.measure === 'p99') {
      const met = a.p99 <= b.p99 * target.bound;
      allMet &&= met;
      console.log(
        `${target.label.padEnd(34)} ${a.p99.toFixed(2)} ms vs ${b.p99.toFixed(2)} ms (target ≤ ${target.bound === 1 ? '' : `${target.bound}× `}${target.denominator}'s) ${met ? 'met' : 'NOT MET'}`,
      );
      continue;
    }
    const ratio = a.requestsPerSecond / b.requestsPerSecond;
    // The same comparison in CPU per request, steadier when other work shares the machine.
    const cpuRatio = b.cpuMicrosPerRequest / a.cpuMicrosPerRequest;
    const met = ratio >= target.bound;
    allMet &&= met;
    console.log(
      `${target.label.padEnd(34)} ${ratio.toFixed(2)}× req/s  ${cpuRatio.toFixed(2)}× by CPU/req  (target ≥ ${target.bound.toFixed(2)}) ${met ? 'met' : 'NOT MET'}`,
    );
  }
  return allMet;
}
