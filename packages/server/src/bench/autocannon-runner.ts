import autocannon from 'autocannon';
import type { LoadResult, LoadSpec } from './load';

/**
 * The load generator when wrk is missing: autocannon, in a process of its own so its CPU is not
 * the bench's. Takes one LoadSpec on the IPC channel and answers one LoadResult.
 */
process.once('message', (spec: LoadSpec) => {
  void autocannon({
    url: spec.url,
    method: spec.method,
    body: spec.body,
    headers: spec.headers,
    connections: spec.connections,
    duration: spec.seconds,
  }).then((result) => {
    const answer: LoadResult = {
      requests: result.requests.total,
      requestsPerSecond: result.requests.total / (result.duration || spec.seconds),
      p50: result.latency.p50,
      p99: result.latency.p99,
      failures: result.errors + result.timeouts + result.non2xx,
    };
    process.send?.(answer);
  });
});
