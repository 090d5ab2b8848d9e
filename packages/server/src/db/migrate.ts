import { closeSync, openSync, statSync, unlinkSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import { driverFamily } from './data-source';

const LOCK_NAME = 'atrium_migrations';
const LOCK_TIMEOUT_SECONDS = 120;

/**
 * Runs pending migrations while holding a lock shared by every replica, so instances that start
 * together apply each migration once: MySQL's GET_LOCK, or a lock file beside the SQLite file.
 */
export async function runMigrationsUnderLock(dataSource: DataSource): Promise<string[]> {
  const release =
    driverFamily(dataSource) === 'mysql'
      ? await acquireMysqlLock(dataSource)
      : await acquireFileLock(`${String(dataSource.options.database)}.migrate.lock`);
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await release();
  }
}

async function acquireMysqlLock(dataSource: DataSource): Promise<() => Promise<void>> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  const [row] = (await runner.query('SELECT GET_LOCK(?, ?) AS acquired', [
    LOCK_NAME,
    LOCK_TIMEOUT_SECONDS,
  ])) as Array<{ acquired: number | string | null }>;
  if (Number(row?.acquired) !== 1) {
    await runner.release();
    throw new Error(`Could not take the migration lock within ${LOCK_TIMEOUT_SECONDS}s`);
  }
  return async () => {
    try {
      await runner.query('SELECT RELEASE_LOCK(?)', [LOCK_NAME]);
    } finally {
      await runner.release();
    }
  };
}

async function acquireFileLock(lockFile: string): Promise<() => Promise<void>> {
  if (lockFile.startsWith(':memory:')) return async () => undefined;
  const deadline = Date.now() + LOCK_TIMEOUT_SECONDS * 1000;
  for (;;) {
    try {
      closeSync(openSync(lockFile, 'wx'));
      return async () => unlinkSync(lockFile);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (isStale(lockFile)) {
        unlinkSync(lockFile);
        continue;
      }
      if (Date.now() > deadline) throw new Error(`Migration lock ${lockFile} is held too long`);
      await sleep(50);
    }
  }
}

/** A lock left behind by a process that died mid-migration is taken over after the timeout. */
function isStale(lockFile: string): boolean {
  try {
    return Date.now() - statSync(lockFile).mtimeMs > LOCK_TIMEOUT_SECONDS * 1000;
  } catch {
    return false;
  }
}
