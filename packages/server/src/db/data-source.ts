import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../config/env';
import { AfterCommitRelay } from '../events/after-commit';
import { mysqlMigrations } from './migrations/mysql';
import { sqliteMigrations } from './migrations/sqlite';

export type DriverFamily = 'mysql' | 'sqlite';

/** A TypeORM data source for the configured driver; never `synchronize`, always migrations. */
/** `entities`: every mapped class (the registry's ENTITIES). */
export async function createDataSource(
  database: DatabaseConfig,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: readonly Function[],
): Promise<DataSource> {
  if (database.type === 'sqlite') {
    if (database.file !== ':memory:') mkdirSync(path.dirname(database.file), { recursive: true });
    return serializeTransactions(
      new DataSource({
        type: 'better-sqlite3',
        database: database.file,
        entities: [...entities],
        subscribers: [AfterCommitRelay],
        migrations: sqliteMigrations,
        migrationsTransactionMode: 'each',
        synchronize: false,
        enableWAL: database.file !== ':memory:',
        // Replicas on one file wait for each other's write transactions instead of failing.
        timeout: 10_000,
      }),
    );
  }
  return new DataSource({
    // TypeORM reads MariaDB's catalog (defaults, nullability) differently from MySQL's.
    type: (await isMariaDb(database.url)) ? 'mariadb' : 'mysql',
    url: database.url,
    entities: [...entities],
    subscribers: [AfterCommitRelay],
    migrations: mysqlMigrations,
    migrationsTransactionMode: 'each',
    synchronize: false,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    extra: { connectionLimit: 20 },
  });
}

export function driverFamily(dataSource: DataSource): DriverFamily {
  return dataSource.options.type === 'better-sqlite3' ? 'sqlite' : 'mysql';
}

async function isMariaDb(url: string): Promise<boolean> {
  const connection = await createConnection(url);
  try {
    const [rows] = await connection.query('SELECT VERSION() AS version');
    return /mariadb/i.test(String((rows as Array<{ version: string }>)[0]?.version));
  } finally {
    await connection.end();
  }
}

/** The end of each SQLite data source's line of transactions (see serializeTransactions). */
const turns = new WeakMap<DataSource, { tail: Promise<unknown> }>();

/**
 * TypeORM drives better-sqlite3 through one connection, so two requests' transactions would
 * interleave on it ("cannot start a transaction within a transaction"). On SQLite they take
 * turns; MySQL gives each transaction a pooled connection of its own.
 */
function serializeTransactions(dataSource: DataSource): DataSource {
  const manager = dataSource.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  const line = { tail: Promise.resolve() as Promise<unknown> };
  turns.set(dataSource, line);
  const serialized = (...args: unknown[]): Promise<unknown> => {
    const run = line.tail.then(() => transaction(...args));
    line.tail = run.catch(() => undefined);
    return run;
  };
  Object.assign(manager, { transaction: serialized });
  return dataSource;
}

/**
 * Runs `work` between transactions: on SQLite it waits its turn in the line of transactions, so
 * its statements neither join another request's open transaction on the shared connection nor
 * hold a write lock across an await (each statement commits alone). On MySQL it runs at once.
 * For single-statement writes that must stand on their own, such as a job's outcome.
 */
export function betweenTransactions<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  const line = turns.get(dataSource);
  if (!line) return work();
  const run = line.tail.then(work);
  line.tail = run.catch(() => undefined);
  return run;
}
