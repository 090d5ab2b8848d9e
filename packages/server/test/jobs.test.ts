import { z } from 'zod';
import { defineJob, type JobContext } from '../src/jobs/define-job';
import { JobEntity } from '../src/jobs/job.entity';
import { eventually, jobInstances, type JobInstance } from './support/jobs';

/**
 * The job queue and runner on one instance. Every test has job kinds of its own, so the
 * runners of one test never take another's jobs from the shared database.
 */
let cluster: Awaited<ReturnType<typeof jobInstances>>;
let instance: JobInstance;

beforeAll(async () => {
  cluster = await jobInstances(1);
  instance = cluster.instances[0];
});
afterEach(() => cluster.stopRunners());
afterAll(() => cluster.close());

let kinds = 0;
const newKind = () => `test.single-${(kinds += 1)}`;
const numbered = z.object({ n: z.number().int() });

function rows(kind: string): Promise<JobEntity[]> {
  return instance.dataSource.getRepository(JobEntity).find({ where: { kind } });
}

function job(kind: string) {
  return instance.dataSource.getRepository(JobEntity).findOneByOrFail({ kind });
}

describe('enqueue', () => {
  it('in a transaction that rolls back adds nothing; in one that commits, runs once', async () => {
    const ran: number[] = [];
    const kind = defineJob({
      kind: newKind(),
      payload: numbered,
      handler: async ({ n }) => void ran.push(n),
    });
    // A slow poll: only the commit's nudge can start the committed job before the deadline.
    instance.runner([kind], { pollIntervalMs: 60_000 });
    await expect(
      instance.dataSource.transaction(async (manager) => {
        await instance.queue.enqueue(manager, kind, { n: 1 });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await instance.dataSource.transaction((manager) =>
      instance.queue.enqueue(manager, kind, { n: 2 }),
    );
    await eventually(
      'the committed job',
      async () => (await job(kind.kind)).status === 'SUCCEEDED',
    );
    expect(ran).toEqual([2]);
    expect(await rows(kind.kind)).toHaveLength(1);
  });

  it('refuses a payload its kind does not accept, adding nothing', async () => {
    const kind = defineJob({ kind: newKind(), payload: numbered, handler: async () => undefined });
    await expect(
      instance.queue.enqueueNow(kind, { n: 'one' } as unknown as { n: number }),
    ).rejects.toThrow();
    expect(await rows(kind.kind)).toEqual([]);
  });

  it('adds a kind and idempotency key once, in or out of a transaction', async () => {
    const ran: number[] = [];
    const kind = defineJob({
      kind: newKind(),
      payload: numbered,
      handler: async ({ n }) => void ran.push(n),
    });
    const other = defineJob({ kind: newKind(), payload: numbered, handler: async () => undefined });
    const first = await instance.queue.enqueueNow(kind, { n: 1 }, { idempotencyKey: 'k' });
    expect(first).toEqual(expect.any(String));
    expect(await instance.queue.enqueueNow(kind, { n: 2 }, { idempotencyKey: 'k' })).toBeNull();
    const inTransaction = await instance.dataSource.transaction(async (manager) => [
      await instance.queue.enqueue(manager, kind, { n: 3 }, { idempotencyKey: 'k' }),
      await instance.queue.enqueue(manager, kind, { n: 4 }, { idempotencyKey: 'k2' }),
      await instance.queue.enqueue(manager, kind, { n: 5 }, { idempotencyKey: 'k2' }),
    ]);
    expect(inTransaction).toEqual([null, expect.any(String), null]);
    // The key is per kind: another kind may use it.
    expect(await instance.queue.enqueueNow(other, { n: 6 }, { idempotencyKey: 'k' })).toEqual(
      expect.any(String),
    );

    instance.runner([kind]);
    await eventually('both keyed jobs', async () =>
      (await rows(kind.kind)).every((row) => row.status === 'SUCCEEDED'),
    );
    expect(ran.sort()).toEqual([1, 4]);
    expect(await rows(kind.kind)).toHaveLength(2);
  });
});

describe('running', () => {
  it('retries with the delay the kind computes from the attempt and the error, then succeeds', async () => {
    class RetryLater extends Error {
      constructor(readonly retryInMs: number) {
        super(`try again in ${retryInMs} ms`);
      }
    }
    const runs: Array<{ attempt: number; at: number }> = [];
    const backoffCalls: Array<[number, string]> = [];
    const kind = defineJob({
      kind: newKind(),
      payload: numbered,
      async handler(_payload, { attempt }) {
        runs.push({ attempt, at: Date.now() });
        if (attempt < 3) throw new RetryLater(attempt * 200);
      },
      maxAttempts: 3,
      backoff(attempt, error) {
        backoffCalls.push([attempt, String(error)]);
        return error instanceof RetryLater ? error.retryInMs : 60_000;
      },
    });
    instance.runner([kind]);
    await instance.queue.enqueueNow(kind, { n: 1 });
    await eventually('the third run', async () => (await job(kind.kind)).status === 'SUCCEEDED');

    expect(runs.map((run) => run.attempt)).toEqual([1, 2, 3]);
    expect(backoffCalls).toEqual([
      [1, 'Error: try again in 200 ms'],
      [2, 'Error: try again in 400 ms'],
    ]);
    expect(runs[1].at - runs[0].at).toBeGreaterThanOrEqual(200);
    expect(runs[2].at - runs[1].at).toBeGreaterThanOrEqual(400);
    expect(await job(kind.kind)).toMatchObject({ attempts: 3, lastError: null, leaseOwner: null });
  });

  it('dead-letters after the last attempt, keeps the job visible, and retry runs it again', async () => {
    let healthy = false;
    const attempts: number[] = [];
    const kind = defineJob({
      kind: newKind(),
      payload: numbered,
      async handler(_payload, { attempt }) {
        attempts.push(attempt);
        if (!healthy) throw new Error(`down on attempt ${attempt}`);
      },
      maxAttempts: 2,
      backoff: () => 0,
    });
    instance.runner([kind]);
    const id = (await instance.queue.enqueueNow(kind, { n: 1 })) as string;
    await eventually('the dead letter', async () => (await job(kind.kind)).status === 'DEAD');

    const dead = await instance.queue.listDead({ kind: kind.kind });
    expect(dead).toEqual([
      expect.objectContaining({
        id,
        attempts: 2,
        lastError: 'Error: down on attempt 2',
        finishedAt: expect.any(Date),
      }),
    ]);
    expect(attempts).toEqual([1, 2]);

    healthy = true;
    expect(await instance.queue.retry(id)).toBe(true);
    await eventually('the retried job', async () => (await job(kind.kind)).status === 'SUCCEEDED');
    expect(attempts).toEqual([1, 2, 1]);
    expect(await instance.queue.listDead({ kind: kind.kind })).toEqual([]);
    // Only a dead job can be retried.
    expect(await instance.queue.retry(id)).toBe(false);
  });

  it('dead-letters a payload that no longer validates, with the reason, without running it', async () => {
    const name = newKind();
    const before = defineJob({ kind: name, payload: numbered, handler: async () => undefined });
    let ran = 0;
    const after = defineJob({
      kind: name,
      payload: z.object({ n: z.string() }),
      handler: async () => void (ran += 1),
    });
    await instance.queue.enqueueNow(before, { n: 7 });
    instance.runner([after]);
    await eventually('the dead letter', async () => (await job(name)).status === 'DEAD');
    expect(ran).toBe(0);
    expect((await job(name)).lastError).toMatch(/^invalid payload: n: /);
  });

  it('runs no more handlers of a kind at once than its concurrency', async () => {
    const busiest = new Map<string, number>();
    const running = new Map<string, number>();
    /** Each handler waits until its kind's slots are all taken (or everything was started). */
    const gated = (concurrency: number) => {
      const name = newKind();
      let started = 0;
      return defineJob({
        kind: name,
        payload: numbered,
        concurrency,
        async handler(_payload: { n: number }, _context: JobContext) {
          started += 1;
          running.set(name, (running.get(name) ?? 0) + 1);
          busiest.set(name, Math.max(busiest.get(name) ?? 0, running.get(name) ?? 0));
          await eventually('the slots to fill', () => (busiest.get(name) ?? 0) >= concurrency);
          await new Promise((resolve) => setTimeout(resolve, 5));
          running.set(name, (running.get(name) ?? 0) - 1);
          if (started > 12) throw new Error('ran more often than enqueued');
        },
      });
    };
    const three = gated(3);
    const one = gated(1);
    for (let n = 0; n < 12; n += 1) {
      await instance.queue.enqueueNow(three, { n });
      await instance.queue.enqueueNow(one, { n });
    }
    instance.runner([three, one]);
    await eventually('all 24 jobs', async () => {
      const done = await instance.dataSource.getRepository(JobEntity).countBy([
        { kind: three.kind, status: 'SUCCEEDED' },
        { kind: one.kind, status: 'SUCCEEDED' },
      ]);
      return done === 24;
    });
    expect(busiest.get(three.kind)).toBe(3);
    expect(busiest.get(one.kind)).toBe(1);
  });
});
