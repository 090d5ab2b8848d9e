import type { Logger } from 'pino';
import type { z } from 'zod';

/** What a handler learns about the run it is in. */
export interface JobContext {
  jobId: string;
  /** 1 on the first run; the run that reaches `maxAttempts` is the last. */
  attempt: number;
  idempotencyKey: string | null;
  /** Aborted when the instance stops and will not wait any longer, or the lease was lost. */
  signal: AbortSignal;
  log: Logger;
}

export interface JobDefinition<P> {
  /** Stored in `jobs.kind`: rename it only with a migration of the rows that carry it. */
  kind: string;
  payload: z.ZodType<P>;
  /** Written as a method so a list of kinds can hold any payload type (see AnyJobDefinition). */
  handler(payload: P, context: JobContext): Promise<void>;
  /** Handlers of this kind running at once on one instance. */
  concurrency: number;
  /** Runs before the job is dead-lettered. */
  maxAttempts: number;
  /**
   * Milliseconds from a failed run to the next, given the number of the run that failed and
   * its error: a kind can honour what the error says (an HTTP 429's Retry-After, say).
   */
  backoff: (attempt: number, error: unknown) => number;
  /**
   * How long a claim lasts unrenewed. The runner renews it while the handler runs, so this is
   * how soon another instance takes over a job whose instance died, not a time limit.
   */
  leaseMs: number;
}

export type JobOptions<P> = Pick<JobDefinition<P>, 'kind' | 'payload' | 'handler'> &
  Partial<Omit<JobDefinition<P>, 'kind' | 'payload' | 'handler'>>;

const KIND_PATTERN = /^[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*$/;
const DEFAULT_LEASE_MS = 5 * 60 * 1000;
/** Renewals and the poll loop need a lease long enough to renew before it runs out. */
const MIN_LEASE_MS = 1000;

/** Doubling from `baseMs` after each failed run, capped at `maxMs`. */
export function exponentialBackoff(baseMs: number, maxMs: number): (attempt: number) => number {
  return (attempt) => Math.min(baseMs * 2 ** Math.max(0, attempt - 1), maxMs);
}

/** A job kind; the defaults are one at a time, 5 attempts, 1 s doubling to an hour, 5 min lease. */
export function defineJob<P>(options: JobOptions<P>): JobDefinition<P> {
  const definition: JobDefinition<P> = {
    concurrency: 1,
    maxAttempts: 5,
    backoff: exponentialBackoff(1000, 60 * 60 * 1000),
    leaseMs: DEFAULT_LEASE_MS,
    ...options,
  };
  if (!KIND_PATTERN.test(definition.kind) || definition.kind.length > 64) {
    throw new Error(
      `job kind "${definition.kind}" must be like "mail.send", at most 64 characters`,
    );
  }
  for (const field of ['concurrency', 'maxAttempts'] as const) {
    if (!Number.isInteger(definition[field]) || definition[field] < 1) {
      throw new Error(`job kind ${definition.kind}: ${field} must be a positive integer`);
    }
  }
  if (definition.leaseMs < MIN_LEASE_MS) {
    throw new Error(`job kind ${definition.kind}: leaseMs must be at least ${MIN_LEASE_MS}`);
  }
  return definition;
}

/**
 * A kind of whatever payload, as the runner holds them. Sound because the runner hands each
 * handler only what that kind's own schema has just parsed.
 */
export type AnyJobDefinition = JobDefinition<unknown>;
