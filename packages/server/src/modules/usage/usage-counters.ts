import { EntityManager, type DataSource } from 'typeorm';
import { driverFamily, type DriverFamily } from '../../db/data-source';

/** An amount to add to one counter (organization, metric, quarter-hour slot). */
export interface UsageIncrement {
  organizationId: string;
  metric: string;
  slotStart: Date;
  quantity: number;
}

/** Rows per INSERT: well under any placeholder limit (4 each). */
export const INCREMENT_BATCH_ROWS = 500;

/** A date-time as both drivers store `datetime(3)` (UTC): `2026-01-31 23:45:00.000`. */
function sqlDateTime(at: Date): string {
  return at.toISOString().replace('T', ' ').slice(0, 23);
}

function upsertSql(family: DriverFamily, rows: number): string {
  const values = Array.from({ length: rows }, () => '(?, ?, ?, ?)').join(', ');
  return family === 'mysql'
    ? `INSERT INTO \`usage_counters\` (\`organization_id\`, \`metric\`, \`slot_start\`, \`quantity\`) VALUES ${values} ` +
        'ON DUPLICATE KEY UPDATE `quantity` = `quantity` + VALUES(`quantity`)'
    : `INSERT INTO "usage_counters" ("organization_id", "metric", "slot_start", "quantity") VALUES ${values} ` +
        'ON CONFLICT ("organization_id", "metric", "slot_start") DO UPDATE SET "quantity" = "quantity" + excluded."quantity"';
}

/**
 * Adds to the counters in one statement (at most INCREMENT_BATCH_ROWS rows), creating those
 * that do not exist yet; with a transaction's manager it commits with that transaction.
 */
export function addToCounters(
  runner: DataSource | EntityManager,
  rows: readonly UsageIncrement[],
): Promise<unknown> {
  const family = driverFamily(runner instanceof EntityManager ? runner.dataSource : runner);
  const parameters = rows.flatMap((row) => [
    row.organizationId,
    row.metric,
    sqlDateTime(row.slotStart),
    row.quantity,
  ]);
  return runner.query(upsertSql(family, rows.length), parameters);
}
