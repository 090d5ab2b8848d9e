import { ENTITIES } from '../../src/modules';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/env';
import { createDataSource } from '../../src/db/data-source';
import { runMigrationsUnderLock } from '../../src/db/migrate';
import type { AnyJobDefinition } from '../../src/jobs/define-job';
import { JobQueue } from '../../src/jobs/job-queue';
import { JobRunner, type JobRunnerOptions } from '../../src/jobs/job-runner';
import { createLogger } from '../../src/logger';
import { freshDatabase } from './server';

export const testLogger = createLogger(
  (process.env.TEST_LOG_LEVEL as 'silent' | undefined) ?? 'silent',
);

/** One "instance" for job tests: its own connection (pool) to the shared database, and queue. */
export interface JobInstance {
  dataSource: DataSource;
  queue: JobQueue;
  /** A runner of `kinds` on this instance; stopped by `stopRunners`. */
  runner(kinds: AnyJobDefinition[], options?: JobRunnerOptions): JobRunner;
}

/**
 * `count` instances on one fresh, migrated database: SQLite file or (DATABASE_URL) a new MySQL
 * database, as replicas of Atrium would share it.
 */
export async function jobInstances(count: number): Promise<{
  instances: JobInstance[];
  stopRunners(): Promise<void>;
  close(): Promise<void>;
}> {
  const database = await freshDatabase(mkdtempSync(path.join(tmpdir(), 'atrium-jobs-')));
  const config = loadConfig({ DATABASE_URL: database.url }).database;
  const runners: JobRunner[] = [];
  const instances: JobInstance[] = [];
  for (let i = 0; i < count; i += 1) {
    const dataSource = await createDataSource(config, ENTITIES);
    await dataSource.initialize();
    await runMigrationsUnderLock(dataSource);
    const queue = new JobQueue(dataSource);
    instances.push({
      dataSource,
      queue,
      runner(kinds, options = { pollIntervalMs: 100 }) {
        const runner = new JobRunner(dataSource, queue, kinds, testLogger, options);
        runners.push(runner);
        runner.start();
        return runner;
      },
    });
  }
  const stopRunners = async () => {
    await Promise.all(runners.splice(0).map((runner) => runner.stop(0)));
  };
  return {
    instances,
    stopRunners,
    async close() {
      await stopRunners();
      await Promise.all(instances.map(({ dataSource }) => dataSource.destroy()));
      await database.drop();
    },
  };
}

/** Waits until `check` holds (polling), failing with `what` after a generous deadline. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
