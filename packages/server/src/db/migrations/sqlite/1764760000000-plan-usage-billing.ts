import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Plan, usage and billing: the day each organization's billing cycle starts; usage counted per
 * quarter hour instead of per UTC day (cycles start at midnight in the owner's time zone);
 * services' usage reports with their idempotency keys; the wallet's currency and the time its
 * balance is as of; invoices as the billing service reports them. SQLite changes a primary key
 * or a NOT NULL column without default by building the table anew.
 */
export class PlanUsageBilling1764760000000 implements MigrationInterface {
  name = 'PlanUsageBilling1764760000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE "organizations" ADD COLUMN "billing_anchor_day" integer NOT NULL DEFAULT (1)`,
    );
    await db.query(
      `UPDATE "organizations" SET "billing_anchor_day" = CAST(strftime('%d', "created_at") AS integer)`,
    );

    // A day's count becomes the count of its first quarter hour.
    await db.query(`CREATE TABLE "usage_counters_new" (
      "organization_id" varchar(36) NOT NULL,
      "metric" varchar(40) NOT NULL,
      "slot_start" datetime(3) NOT NULL,
      "quantity" bigint NOT NULL,
      CONSTRAINT "fk_usage_counters_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
      PRIMARY KEY ("organization_id", "metric", "slot_start"))`);
    await db.query(`INSERT INTO "usage_counters_new" ("organization_id", "metric", "slot_start", "quantity")
      SELECT "organization_id", "metric", "day" || ' 00:00:00.000', "quantity" FROM "usage_counters"`);
    await db.query(`DROP TABLE "usage_counters"`);
    await db.query(`ALTER TABLE "usage_counters_new" RENAME TO "usage_counters"`);

    await db.query(`CREATE TABLE "usage_reports" (
      "id" varchar(36) PRIMARY KEY NOT NULL,
      "organization_id" varchar(36) NOT NULL,
      "idempotency_key" varchar(191) NOT NULL,
      "metric" varchar(40) NOT NULL,
      "quantity" bigint NOT NULL,
      "api_key_id" varchar(36),
      "reported_at" datetime(3) NOT NULL,
      CONSTRAINT "fk_usage_reports_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await db.query(
      `CREATE UNIQUE INDEX "uq_usage_reports_idempotency_key" ON "usage_reports" ("organization_id", "idempotency_key")`,
    );
    await db.query(
      `CREATE INDEX "ix_usage_reports_reported_at" ON "usage_reports" ("reported_at")`,
    );

    // No API wrote wallets before this (only the billing service will): a row a script left is
    // taken as euros, as of when it was written.
    await db.query(`CREATE TABLE "wallets_new" (
      "organization_id" varchar(36) PRIMARY KEY NOT NULL,
      "balance_cents" bigint NOT NULL,
      "currency" varchar(3) NOT NULL,
      "as_of" datetime(3) NOT NULL,
      "updated_at" datetime(3) NOT NULL,
      CONSTRAINT "fk_wallets_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await db.query(`INSERT INTO "wallets_new" ("organization_id", "balance_cents", "currency", "as_of", "updated_at")
      SELECT "organization_id", "balance_cents", 'EUR', "updated_at", "updated_at" FROM "wallets"`);
    await db.query(`DROP TABLE "wallets"`);
    await db.query(`ALTER TABLE "wallets_new" RENAME TO "wallets"`);

    await db.query(`CREATE TABLE "invoices" (
      "id" varchar(36) PRIMARY KEY NOT NULL,
      "organization_id" varchar(36) NOT NULL,
      "number" varchar(64) NOT NULL,
      "period_start" datetime(3) NOT NULL,
      "period_end" datetime(3) NOT NULL,
      "amount_cents" bigint NOT NULL,
      "currency" varchar(3) NOT NULL,
      "status" varchar(16) NOT NULL,
      "pdf_url" varchar(2048),
      "created_at" datetime(3) NOT NULL,
      "updated_at" datetime(3) NOT NULL,
      CONSTRAINT "fk_invoices_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await db.query(
      `CREATE UNIQUE INDEX "uq_invoices_number" ON "invoices" ("organization_id", "number")`,
    );
    await db.query(
      `CREATE INDEX "ix_invoices_period" ON "invoices" ("organization_id", "period_start")`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "invoices"`);
    await db.query(`CREATE TABLE "wallets_old" (
      "organization_id" varchar(36) PRIMARY KEY NOT NULL,
      "balance_cents" bigint NOT NULL,
      "updated_at" datetime(3) NOT NULL,
      CONSTRAINT "fk_wallets_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await db.query(`INSERT INTO "wallets_old" ("organization_id", "balance_cents", "updated_at")
      SELECT "organization_id", "balance_cents", "updated_at" FROM "wallets"`);
    await db.query(`DROP TABLE "wallets"`);
    await db.query(`ALTER TABLE "wallets_old" RENAME TO "wallets"`);
    await db.query(`DROP TABLE "usage_reports"`);
    // Quarter hours of one day fold into the day's count.
    await db.query(`CREATE TABLE "usage_counters_old" (
      "organization_id" varchar(36) NOT NULL,
      "metric" varchar(40) NOT NULL,
      "day" varchar(10) NOT NULL,
      "quantity" bigint NOT NULL,
      CONSTRAINT "fk_usage_counters_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
      PRIMARY KEY ("organization_id", "metric", "day"))`);
    await db.query(`INSERT INTO "usage_counters_old" ("organization_id", "metric", "day", "quantity")
      SELECT "organization_id", "metric", substr("slot_start", 1, 10), SUM("quantity")
      FROM "usage_counters" GROUP BY "organization_id", "metric", substr("slot_start", 1, 10)`);
    await db.query(`DROP TABLE "usage_counters"`);
    await db.query(`ALTER TABLE "usage_counters_old" RENAME TO "usage_counters"`);
    await db.query(`ALTER TABLE "organizations" DROP COLUMN "billing_anchor_day"`);
  }
}
