import type { DataSource } from 'typeorm';

/** A column that refers to an account, and what the database does to it when the account goes. */
export interface AccountReference {
  table: string;
  column: string;
  onDelete: 'CASCADE' | 'SET NULL' | string;
}

const ACCOUNTS = 'accounts';

/**
 * Every column of every table that refers to an account, read from the database's own foreign
 * keys (not from a list kept by hand): a table added later that refers to an account is exported
 * and erased without anyone remembering to add it here.
 */
export async function accountReferences(dataSource: DataSource): Promise<AccountReference[]> {
  const runner = dataSource.createQueryRunner();
  try {
    const tables = await runner.getTables();
    const references: AccountReference[] = [];
    for (const table of tables) {
      for (const key of table.foreignKeys) {
        const referenced = key.referencedTableName.split('.').pop();
        if (referenced !== ACCOUNTS || key.columnNames.length !== 1) continue;
        references.push({
          table: table.name.split('.').pop() as string,
          column: key.columnNames[0],
          onDelete: (key.onDelete ?? 'NO ACTION').toUpperCase(),
        });
      }
    }
    return references.sort((a, b) =>
      a.table === b.table ? a.column.localeCompare(b.column) : a.table.localeCompare(b.table),
    );
  } finally {
    await runner.release();
  }
}

/** Names that hold secrets or their hashes: never written into an export. */
export const SECRET_COLUMN = /(^|_)(password|secret|token|hash|challenge)(_|$)|_hash$|secret/;
