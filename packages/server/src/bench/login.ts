import { hashPassword, verifyPassword } from '../modules/auth/password';
import { BENCH_PASSWORD, logIn, quantile } from './client';

/**
 * Log-in against one password hash: a log-in's time from request to answer, and the time of
 * one argon2id check with Atrium's own parameters in this process, taken in turns so both see
 * the same machine. Target: log-in p50 ≤ hash p50 + 10 ms.
 */
export async function logInVersusHash(
  url: string,
  email: string,
  samples: number,
): Promise<boolean> {
  const hash = await hashPassword(BENCH_PASSWORD);
  const hashTimes: number[] = [];
  const logInTimes: number[] = [];
  // Uncounted: the first of each pays for warming up.
  await verifyPassword(hash, BENCH_PASSWORD);
  await logIn(url, email);
  for (let i = 0; i < samples; i += 1) {
    let started = performance.now();
    await verifyPassword(hash, BENCH_PASSWORD);
    hashTimes.push(performance.now() - started);
    started = performance.now();
    await logIn(url, email);
    logInTimes.push(performance.now() - started);
  }
  const hashP50 = quantile(hashTimes, 0.5);
  const logInP50 = quantile(logInTimes, 0.5);
  const met = logInP50 <= hashP50 + 10;
  console.log(
    `(j) log-in, ${samples} one at a time: p50 ${logInP50.toFixed(1)} ms   p99 ${quantile(logInTimes, 0.99).toFixed(1)} ms; one argon2id check p50 ${hashP50.toFixed(1)} ms`,
  );
  console.log(
    `log-in p50 − one hash               ${(logInP50 - hashP50).toFixed(1)} ms (target ≤ 10 ms) ${met ? 'met' : 'NOT MET'}`,
  );
  return met;
}
