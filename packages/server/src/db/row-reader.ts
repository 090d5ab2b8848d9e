import type { Pool } from 'mysql2';
import { QueryFailedError, type DataSource } from 'typeorm';
import type { MysqlDriver } from 'typeorm/driver/mysql/MysqlDriver';

/** Runs one read statement and answers its rows. */
export type RowReader = (
  sql: string,
  parameters: readonly unknown[],
) => Promise<Array<Record<string, unknown>>>;

/**
 * The reader of the per-request lookups (a session or an API key by its hash). On MySQL/MariaDB
 * it runs the statement on the driver's own connection pool: TypeORM's `query` makes a query
 * runner per call and goes through mysql2's promise wrapper, which costs more CPU than the
 * statement. It logs the statement as TypeORM logs its own (statement counts and query logging
 * see it) and fails with TypeORM's QueryFailedError. On SQLite it is TypeORM's `query`, which
 * keeps its line of transactions on the one connection.
 */
export function createRowReader(dataSource: DataSource): RowReader {
  if (dataSource.options.type === 'better-sqlite3') {
    return (sql, parameters) => dataSource.query(sql, [...parameters]);
  }
  return (sql, parameters) =>
    new Promise((resolve, reject) => {
      const values = [...parameters];
      dataSource.logger.logQuery(sql, values);
      const pool = (dataSource.driver as MysqlDriver).pool as Pool;
      pool.query(sql, values, (error, rows) => {
        if (error) {
          dataSource.logger.logQueryError(error, sql, values);
          reject(new QueryFailedError(sql, values, error));
        } else {
          resolve(rows as Array<Record<string, unknown>>);
        }
      });
    });
}
