import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications: the in-app feed, the preference matrix (personal choices and workspace rules),
 * quiet hours, low-balance alerts, tools' sends with their idempotency keys; and the wallet
 * balance the low-balance alert watches (reported by the billing service).
 */
export class Notifications1764640000000 implements MigrationInterface {
  name = 'Notifications1764640000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE "wallets" (
      "organization_id" varchar(36) NOT NULL,
      "balance_cents" bigint NOT NULL,
      "updated_at" datetime(3) NOT NULL,
      CONSTRAINT "fk_wallets_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
      PRIMARY KEY ("organization_id"))`);
    await db.query(`CREATE TABLE "notifications" (
      "id" varchar(36) NOT NULL,
      "account_id" varchar(36) NOT NULL,
      "organization_id" varchar(36),
      "type" varchar(32) NOT NULL,
      "title" varchar(200) NOT NULL,
      "body" varchar(2000) NOT NULL,
      "link" varchar(2048),
      "read_at" datetime(3),
      "created_at" datetime(3) NOT NULL,
      CONSTRAINT "fk_notifications_account" FOREIGN KEY ("account_id") REFERENCES "accounts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
      CONSTRAINT "fk_notifications_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
      PRIMARY KEY ("id"))`);
    await db.query(`CREATE INDEX "ix_notifications_account" ON "notifications" ("account_id")`);
    await db.query(
      `CREATE INDEX "ix_notifications_account_unread" ON "notifications" ("account_id", "read_at")`,
    );
    await db.query(`CREATE INDEX "ix_notifications_created" ON "notifications" ("created_at")`);
    await db.query(`CREATE TABLE "notification_preferences" (
      "account_id" varchar(36) NOT NULL,
      "type" varchar(32) NOT NULL,
      "channel" varchar(16) NOT NULL,
      "enabled" boolean NOT NULL,
      "updated_at" datetime(3) NOT NULL,
      CONSTRAINT "fk_notification_preferences_account" FOREIGN KEY ("account_id") REFERENCES "accounts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
      PRIMARY KEY ("account_id", "type", "channel"))`);
    await db.query(`CREATE TABLE "organization_notification_rules" (
      "organization_id" varchar(36) NOT NULL,
      "type" varchar(32) NOT NULL,
      "channel" varchar(16) NOT NULL,
      "enabled" boolean NOT NULL,
      "updated_at" datetime(3) NOT NULL,
      CONSTRAINT "fk_organization_notification_rules_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
      PRIMARY KEY ("organization_id", "type", "channel"))`);
    await db.query(`CREATE TABLE "notification_settings" (
      "account_id" varchar(36) NOT NULL,
      "quiet_hours_start" smallint,
      "quiet_hours_end" smallint,
      "updated_at" datetime(3) NOT NULL,
      CONSTRAINT "fk_notification_settings_account" FOREIGN KEY ("account_id") REFERENCES "accounts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
      PRIMARY KEY ("account_id"))`);
    await db.query(`CREATE TABLE "low_balance_alerts" (
      "account_id" varchar(36) NOT NULL,
      "organization_id" varchar(36) NOT NULL,
      "threshold_cents" bigint NOT NULL,
      "armed" boolean NOT NULL,
      "last_fired_at" datetime(3),
      "updated_at" datetime(3) NOT NULL,
      CONSTRAINT "fk_low_balance_alerts_account" FOREIGN KEY ("account_id") REFERENCES "accounts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
      CONSTRAINT "fk_low_balance_alerts_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
      PRIMARY KEY ("account_id", "organization_id"))`);
    await db.query(`CREATE TABLE "notification_sends" (
      "id" varchar(36) NOT NULL,
      "organization_id" varchar(36) NOT NULL,
      "account_id" varchar(36) NOT NULL,
      "idempotency_key" varchar(191),
      "type" varchar(32) NOT NULL,
      "channels" varchar(32) NOT NULL,
      "notification_id" varchar(36),
      "created_at" datetime(3) NOT NULL,
      CONSTRAINT "fk_notification_sends_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
      CONSTRAINT "fk_notification_sends_account" FOREIGN KEY ("account_id") REFERENCES "accounts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
      PRIMARY KEY ("id"))`);
    await db.query(
      `CREATE UNIQUE INDEX "uq_notification_sends_idempotency" ON "notification_sends" ("organization_id", "idempotency_key")`,
    );
    await db.query(
      `CREATE INDEX "ix_notification_sends_account" ON "notification_sends" ("account_id")`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "notification_sends"`);
    await db.query(`DROP TABLE "low_balance_alerts"`);
    await db.query(`DROP TABLE "notification_settings"`);
    await db.query(`DROP TABLE "organization_notification_rules"`);
    await db.query(`DROP TABLE "notification_preferences"`);
    await db.query(`DROP TABLE "notifications"`);
    await db.query(`DROP TABLE "wallets"`);
  }
}
