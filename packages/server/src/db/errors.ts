import { QueryFailedError } from 'typeorm';

/** True when a write failed on a unique index (optionally a named one), on MySQL or SQLite. */
export function isUniqueViolation(error: unknown, indexName?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; errno?: number; message?: string };
  const unique =
    driverError.code === 'ER_DUP_ENTRY' ||
    driverError.errno === 1062 ||
    driverError.code === 'SQLITE_CONSTRAINT_UNIQUE';
  if (!unique || !indexName) return unique;
  const message = driverError.message ?? '';
  // MySQL names the index; SQLite names the indexed columns instead.
  return message.includes(indexName) || message.includes(UNIQUE_INDEX_COLUMNS[indexName] ?? '\0');
}

const UNIQUE_INDEX_COLUMNS: Record<string, string> = {
  uq_accounts_email_normalized: 'accounts.email_normalized',
  uq_accounts_username: 'accounts.username',
  uq_passkeys_credential_id_hash: 'passkeys.credential_id_hash',
  uq_sessions_token_hash: 'sessions.token_hash',
  uq_team_members_org_account: 'team_members.organization_id',
  uq_webhook_events_idempotency_key: 'webhook_events.organization_id',
};

/** True when a write referred to a row that does not exist (a foreign key), on MySQL or SQLite. */
export function isForeignKeyViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; errno?: number };
  return (
    driverError.code === 'ER_NO_REFERENCED_ROW_2' ||
    driverError.errno === 1452 ||
    driverError.code === 'SQLITE_CONSTRAINT_FOREIGNKEY'
  );
}
