import type { DataSource } from 'typeorm';

/** A column that refers to an account, and what the database does to it when the account goes. */
export interface AccountReference {
  table: string;
  column: string;
  onDelete: 'CASCADE' | 'SET NULL' | string;
}

const ACCOUNTS = 'accounts';

/**
 * Every column of every table that refers to an account, read from the database's own catalog of
 * foreign keys (information_schema, or SQLite's PRAGMA) (not from a list kept by hand): a table added later that refers to an account is exported
 * and erased without anyone remembering to add it here.
 */
export async function accountReferences(dataSource: DataSource): Promise<AccountReference[]> {
  const references =
    dataSource.options.type === 'better-sqlite3'
      ? await sqliteReferences(dataSource)
      : await mysqlReferences(dataSource);
  return references.sort((a, b) =>
    a.table === b.table ? a.column.localeCompare(b.column) : a.table.localeCompare(b.table),
  );
}

async function mysqlReferences(dataSource: DataSource): Promise<AccountReference[]> {
  const rows = (await dataSource.query(
    `SELECT k.TABLE_NAME AS tableName, k.COLUMN_NAME AS columnName, r.DELETE_RULE AS onDelete
     FROM information_schema.KEY_COLUMN_USAGE k
     JOIN information_schema.REFERENTIAL_CONSTRAINTS r
       ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME
     WHERE k.TABLE_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_NAME = ?`,
    [ACCOUNTS],
  )) as Array<{ tableName: string; columnName: string; onDelete: string }>;
  return rows.map((row) => ({
    table: row.tableName,
    column: row.columnName,
    onDelete: row.onDelete.toUpperCase(),
  }));
}

async function sqliteReferences(dataSource: DataSource): Promise<AccountReference[]> {
  const tables = (await dataSource.query(
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
  )) as Array<{ name: string }>;
  const references: AccountReference[] = [];
  for (const { name } of tables) {
    const keys = (await dataSource.query(
      `PRAGMA foreign_key_list(${dataSource.driver.escape(name)})`,
    )) as Array<{ table: string; from: string; on_delete: string }>;
    for (const key of keys) {
      if (key.table !== ACCOUNTS) continue;
      references.push({ table: name, column: key.from, onDelete: key.on_delete.toUpperCase() });
    }
  }
  return references;
}

/** Names that hold secrets or their hashes: never written into an export. */
export const SECRET_COLUMN = /(^|_)(password|secret|token|hash|challenge)(_|$)|_hash$|secret/;
