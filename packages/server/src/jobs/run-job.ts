import type { Logger } from 'pino';
import type { AnyJobDefinition } from './define-job';
import type { HeldJob } from './job-leases';

/** What became of one run; the runner records it. */
export type Outcome = { succeeded: true } | { failed: unknown } | { buried: string };

/** When a kind's backoff itself fails, the next try is this far off. */
const FALLBACK_RETRY_MS = 60_000;

/**
 * Runs the handler of a claimed job with its parsed payload, unless the job can no longer run
 * (a payload its kind no longer accepts, or a last attempt already spent). Never rejects: what
 * the handler throws is the outcome.
 */
export async function runJob(
  kind: AnyJobDefinition,
  job: HeldJob,
  signal: AbortSignal,
  log: Logger,
): Promise<Outcome> {
  if (job.attempts > kind.maxAttempts) {
    // Claimed again after its holder died during what was already the last attempt.
    return { buried: 'stopped during the last attempt' };
  }
  const payload = parsePayload(kind, job.payload);
  if (!payload.ok) return { buried: `invalid payload: ${payload.problem}` };
  try {
    await kind.handler(payload.value, {
      jobId: job.id,
      attempt: job.attempts,
      idempotencyKey: job.idempotencyKey,
      signal,
      log,
    });
    return { succeeded: true };
  } catch (error) {
    return { failed: error };
  }
}

/** The kind's delay after a failed attempt; a backoff that throws or says nonsense is not fatal. */
export function retryDelay(kind: AnyJobDefinition, attempt: number, error: unknown): number {
  try {
    const delayMs = kind.backoff(attempt, error);
    return Number.isFinite(delayMs) ? Math.max(0, delayMs) : FALLBACK_RETRY_MS;
  } catch {
    return FALLBACK_RETRY_MS;
  }
}

export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

type Parsed = { ok: true; value: unknown } | { ok: false; problem: string };

function parsePayload(kind: AnyJobDefinition, payload: string): Parsed {
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return { ok: false, problem: 'not JSON' };
  }
  const result = kind.payload.safeParse(json);
  if (result.success) return { ok: true, value: result.data };
  const problems = result.error.issues.map(
    (issue) => `${issue.path.join('.') || '(payload)'}: ${issue.message}`,
  );
  return { ok: false, problem: problems.join('; ') };
}
