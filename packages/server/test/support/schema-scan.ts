import type { DataSource } from 'typeorm';

const isMysql = (dataSource: DataSource) => dataSource.options.type !== 'better-sqlite3';

/**
 * The tables with a foreign key to `referenced`, asked of the database's own catalog
 * (information_schema on MySQL/MariaDB, PRAGMA foreign_key_list on SQLite), independently of
 * how the server finds them.
 */
export async function tablesReferencing(
  dataSource: DataSource,
  referenced: string,
): Promise<string[]> {
  if (isMysql(dataSource)) {
    const rows = (await dataSource.query(
      `SELECT DISTINCT TABLE_NAME AS name FROM information_schema.KEY_COLUMN_USAGE
       WHERE TABLE_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME = ?`,
      [referenced],
    )) as Array<{ name: string }>;
    return rows.map((row) => row.name).sort();
  }
  const found: string[] = [];
  for (const { name } of await sqliteTables(dataSource)) {
    const keys = (await dataSource.query(`PRAGMA foreign_key_list("${name}")`)) as Array<{
      table: string;
    }>;
    if (keys.some((key) => key.table === referenced)) found.push(name);
  }
  return found.sort();
}

/** Every column of every table that holds text (CHAR, VARCHAR, TEXT and kin). */
export async function textColumns(
  dataSource: DataSource,
): Promise<Array<{ table: string; column: string }>> {
  if (isMysql(dataSource)) {
    return (await dataSource.query(
      `SELECT TABLE_NAME AS \`table\`, COLUMN_NAME AS \`column\` FROM information_schema.COLUMNS
       WHERE TABLE_SCHEMA = DATABASE() AND DATA_TYPE IN ('char','varchar','tinytext','text','mediumtext','longtext','json','enum','set')`,
    )) as Array<{ table: string; column: string }>;
  }
  const columns: Array<{ table: string; column: string }> = [];
  for (const { name } of await sqliteTables(dataSource)) {
    const info = (await dataSource.query(`PRAGMA table_info("${name}")`)) as Array<{
      name: string;
      type: string;
    }>;
    for (const column of info) {
      if (/char|text|clob|json|datetime|^$/i.test(column.type)) {
        columns.push({ table: name, column: column.name });
      }
    }
  }
  return columns;
}

/** Where any of `needles` appears in any text column of any table (case-insensitive). */
export async function findTraces(
  dataSource: DataSource,
  needles: readonly string[],
): Promise<string[]> {
  const q = (name: string) => dataSource.driver.escape(name);
  const hits: string[] = [];
  for (const { table, column } of await textColumns(dataSource)) {
    for (const needle of needles) {
      const rows = (await dataSource.query(
        `SELECT COUNT(*) AS n FROM ${q(table)} WHERE LOWER(${q(column)}) LIKE ?`,
        [`%${needle.toLowerCase()}%`],
      )) as Array<{ n: number | string }>;
      if (Number(rows[0].n) > 0) hits.push(`${table}.${column} holds "${needle}"`);
    }
  }
  return hits;
}

function sqliteTables(dataSource: DataSource): Promise<Array<{ name: string }>> {
  return dataSource.query(
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
  ) as Promise<Array<{ name: string }>>;
}
