import { z } from 'zod';
import { newId } from '../src/db/columns';
import { defineJob } from '../src/jobs/define-job';
import { JobEntity } from '../src/jobs/job.entity';
import { JobScheduler } from '../src/jobs/schedule';
import { eventually, jobInstances, testLogger, type JobInstance } from './support/jobs';

/**
 * Two instances on one database, as replicas run: each job runs once, a dead instance's work
 * is taken over, and shutdown hands back what it cannot finish. Kinds are per test.
 */
let cluster: Awaited<ReturnType<typeof jobInstances>>;
let a: JobInstance;
let b: JobInstance;

beforeAll(async () => {
  cluster = await jobInstances(2);
  [a, b] = cluster.instances;
});
afterEach(() => cluster.stopRunners());
afterAll(() => cluster.close());

let kinds = 0;
const newKind = () => `test.pair-${(kinds += 1)}`;
const numbered = z.object({ n: z.number().int() });

function jobsOf(kind: string): Promise<JobEntity[]> {
  return a.dataSource.getRepository(JobEntity).find({ where: { kind }, order: { runAt: 'ASC' } });
}

function succeeded(kind: string): Promise<number> {
  return a.dataSource.getRepository(JobEntity).countBy({ kind, status: 'SUCCEEDED' });
}

async function allSucceeded(kind: string, count: number): Promise<boolean> {
  return (await succeeded(kind)) === count;
}

/** A row as an instance that died while holding it would have left it. */
async function heldByDeadInstance(kind: string, n: number, attempts: number, leaseEnd: Date) {
  const now = new Date();
  await a.dataSource.getRepository(JobEntity).insert({
    id: newId(),
    kind,
    payload: JSON.stringify({ n }),
    status: 'RUNNING',
    runAt: new Date(now.getTime() - 60_000),
    attempts,
    lastError: null,
    leaseOwner: 'gone-host:4242:abcdef/7',
    leaseExpiresAt: leaseEnd,
    idempotencyKey: null,
    createdAt: now,
    finishedAt: null,
  });
}

it('runs each of 40 jobs exactly once across two instances', async () => {
  const calls: Array<{ n: number; on: string }> = [];
  const make = (on: string) =>
    defineJob({
      kind: 'test.pair-forty',
      payload: numbered,
      concurrency: 4,
      async handler({ n }) {
        calls.push({ n, on });
        await new Promise((resolve) => setTimeout(resolve, 5));
      },
    });
  await a.dataSource.transaction(async (manager) => {
    for (let n = 0; n < 40; n += 1) await a.queue.enqueue(manager, make('-'), { n });
  });
  // Both start on the same 40 due jobs at once.
  a.runner([make('a')]);
  b.runner([make('b')]);

  await eventually('all 40 jobs', () => allSucceeded('test.pair-forty', 40));
  expect(calls.map((call) => call.n).sort((x, y) => x - y)).toEqual([...Array(40).keys()]);
  const byInstance = { a: 0, b: 0 };
  for (const call of calls) byInstance[call.on as 'a' | 'b'] += 1;
  process.stdout.write(`40 jobs: ${JSON.stringify(byInstance)} handler calls per instance\n`);
  expect((await jobsOf('test.pair-forty')).every((job) => job.attempts === 1)).toBe(true);
});

it('takes over the jobs of an instance whose lease ran out, and only those', async () => {
  const ran: number[] = [];
  const kind = defineJob({
    kind: newKind(),
    payload: numbered,
    concurrency: 3,
    maxAttempts: 3,
    handler: async ({ n }) => void ran.push(n),
  });
  const past = new Date(Date.now() - 1000);
  await heldByDeadInstance(kind.kind, 1, 1, past);
  // It died during what was already the last attempt: buried, not run a fourth time.
  await heldByDeadInstance(kind.kind, 2, 3, past);
  // A live holder's lease has not run out: left alone.
  await heldByDeadInstance(kind.kind, 3, 1, new Date(Date.now() + 60 * 60 * 1000));
  b.runner([kind]);

  await eventually('the taken-over jobs', async () => {
    const statuses = (await jobsOf(kind.kind)).map((job) => job.status).sort();
    return statuses.join() === 'DEAD,RUNNING,SUCCEEDED';
  });
  expect(ran).toEqual([1]);
  const [one, two, three] = await Promise.all(
    [1, 2, 3].map(async (n) =>
      (await jobsOf(kind.kind)).find((job) => JSON.parse(job.payload).n === n),
    ),
  );
  expect(one).toMatchObject({ status: 'SUCCEEDED', attempts: 2 });
  expect(two).toMatchObject({ status: 'DEAD', lastError: 'stopped during the last attempt' });
  expect(three).toMatchObject({ status: 'RUNNING', leaseOwner: 'gone-host:4242:abcdef/7' });
});

it('keeps the lease of a handler that runs longer than it, so nobody else takes the job', async () => {
  const runs: string[] = [];
  const make = (on: string) =>
    defineJob({
      kind: 'test.pair-slow',
      payload: numbered,
      // Renewed every third of the lease; a loaded CI machine must not miss two renewals in a row.
      leaseMs: 3000,
      async handler() {
        runs.push(on);
        // Outlives the lease twice over: only renewals keep it.
        await new Promise((resolve) => setTimeout(resolve, 6500));
      },
    });
  a.runner([make('a')]);
  await a.queue.enqueueNow(make('-'), { n: 1 });
  await eventually('a to start it', () => runs.length === 1);
  b.runner([make('b')]);
  await eventually('the slow job', () => allSucceeded('test.pair-slow', 1));
  expect(runs).toEqual(['a']);
  expect((await jobsOf('test.pair-slow'))[0]).toMatchObject({ attempts: 1 });
});

it('on stop lets a handler that finishes within the bound finish', async () => {
  let finish = () => undefined as void;
  const kind = defineJob({
    kind: newKind(),
    payload: numbered,
    handler: () => new Promise<void>((resolve) => (finish = resolve)),
  });
  const runner = a.runner([kind]);
  await a.queue.enqueueNow(kind, { n: 1 });
  await eventually('the handler to start', () => runner.runningCount === 1);
  const stopped = runner.stop(10_000);
  finish();
  await stopped;
  expect((await jobsOf(kind.kind))[0]).toMatchObject({ status: 'SUCCEEDED', attempts: 1 });
});

it('on stop hands back a job that outlives the bound, and another instance runs it', async () => {
  const runs: Array<{ on: string; attempt: number; abortedAtEnd?: boolean }> = [];
  let finishAbandoned = () => undefined as void;
  const name = newKind();
  const stuckOnA = defineJob({
    kind: name,
    payload: numbered,
    async handler(_payload, { attempt, signal }) {
      const run: (typeof runs)[number] = { on: 'a', attempt };
      runs.push(run);
      await new Promise<void>((resolve) => (finishAbandoned = resolve));
      run.abortedAtEnd = signal.aborted;
    },
  });
  const fineOnB = defineJob({
    kind: name,
    payload: numbered,
    handler: async (_payload, { attempt }) => void runs.push({ on: 'b', attempt }),
  });
  const runnerA = a.runner([stuckOnA]);
  await a.queue.enqueueNow(stuckOnA, { n: 1 });
  await eventually('the handler on a to start', () => runs.length === 1);

  await runnerA.stop(200);
  expect((await jobsOf(name))[0]).toMatchObject({
    status: 'PENDING',
    attempts: 0,
    leaseOwner: null,
    leaseExpiresAt: null,
  });

  b.runner([fineOnB]);
  await eventually('b to run it', () => allSucceeded(name, 1));
  // The abandoned run ends late: its outcome changes nothing, the lease is not its own.
  finishAbandoned();
  await eventually('the abandoned run to end', () => runs[0].abortedAtEnd !== undefined);
  expect(runs).toEqual([
    { on: 'a', attempt: 1, abortedAtEnd: true },
    { on: 'b', attempt: 1 },
  ]);
  expect((await jobsOf(name))[0]).toMatchObject({ status: 'SUCCEEDED', attempts: 1 });
});

it('runs periodic work once per period across instances', async () => {
  const everyMs = 400;
  const runsPerPeriod = new Map<string, number>();
  const kind = defineJob({
    kind: newKind(),
    payload: z.object({}),
    async handler(_payload, { idempotencyKey }) {
      const key = String(idempotencyKey);
      runsPerPeriod.set(key, (runsPerPeriod.get(key) ?? 0) + 1);
    },
  });
  const schedule = { job: kind, everyMs, payload: {} };
  const schedulers = [a, b].map((instance) => {
    instance.runner([kind]);
    return new JobScheduler(instance.queue, [schedule], testLogger);
  });
  try {
    for (const scheduler of schedulers) scheduler.start();
    await eventually('five periods', async () => (await succeeded(kind.kind)) >= 5, 30_000);
  } finally {
    for (const scheduler of schedulers) scheduler.stop();
  }
  await eventually('the last period to finish', async () =>
    (await jobsOf(kind.kind)).every((job) => job.status === 'SUCCEEDED'),
  );

  const rows = await jobsOf(kind.kind);
  const keys = rows.map((row) => row.idempotencyKey);
  expect(new Set(keys).size).toBe(rows.length);
  expect([...runsPerPeriod.keys()].sort()).toEqual([...keys].sort());
  expect([...runsPerPeriod.values()].every((count) => count === 1)).toBe(true);
  for (const row of rows) {
    expect(row.idempotencyKey).toBe(`${kind.kind}@${row.runAt.toISOString()}`);
    expect(row.runAt.getTime() % everyMs).toBe(0);
  }
  process.stdout.write(
    `periodic: ${rows.length} periods, runs per period ${[...runsPerPeriod.values()]}\n`,
  );
});
