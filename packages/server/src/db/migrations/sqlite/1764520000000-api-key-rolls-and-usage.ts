import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API keys that roll (the previous secret valid for a grace period) and remind before they
 * expire; the organization's usage per metric and day, which key requests are metered into.
 */
export class ApiKeyRollsAndUsage1764520000000 implements MigrationInterface {
  name = 'ApiKeyRollsAndUsage1764520000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "api_keys" ADD "previous_secret_hash" varchar(64)`);
    await db.query(`ALTER TABLE "api_keys" ADD "previous_secret_expires_at" datetime(3)`);
    await db.query(`ALTER TABLE "api_keys" ADD "rolled_at" datetime(3)`);
    await db.query(`ALTER TABLE "api_keys" ADD "expiry_notified_at" datetime(3)`);
    await db.query(
      `CREATE UNIQUE INDEX "uq_api_keys_previous_secret_hash" ON "api_keys" ("previous_secret_hash")`,
    );
    await db.query(`CREATE TABLE "usage_counters" (
      "organization_id" varchar(36) NOT NULL,
      "metric" varchar(40) NOT NULL,
      "day" varchar(10) NOT NULL,
      "quantity" bigint NOT NULL,
      CONSTRAINT "fk_usage_counters_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
      PRIMARY KEY ("organization_id", "metric", "day"))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "usage_counters"`);
    await db.query(`DROP INDEX "uq_api_keys_previous_secret_hash"`);
    for (const column of [
      'previous_secret_hash',
      'previous_secret_expires_at',
      'rolled_at',
      'expiry_notified_at',
    ]) {
      await db.query(`ALTER TABLE "api_keys" DROP COLUMN "${column}"`);
    }
  }
}
