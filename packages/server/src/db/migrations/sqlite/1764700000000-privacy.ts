import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Data exports, scheduled account deletions and their pseudonymous record, recordings deletions. */
export class Privacy1764700000000 implements MigrationInterface {
  name = 'Privacy1764700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "accounts" ADD COLUMN "deletion_scheduled_for" datetime(3)`);
    await db.query(`ALTER TABLE "accounts" ADD COLUMN "deletion_requested_at" datetime(3)`);
    await db.query(`CREATE TABLE "data_exports" (
      "id" varchar(36) PRIMARY KEY NOT NULL,
      "account_id" varchar(36) NOT NULL,
      "status" varchar(16) NOT NULL,
      "size_bytes" integer,
      "sha256" varchar(64),
      "created_at" datetime(3) NOT NULL,
      "ready_at" datetime(3),
      "expires_at" datetime(3),
      CONSTRAINT "fk_data_exports_account" FOREIGN KEY ("account_id") REFERENCES "accounts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await db.query(
      `CREATE INDEX "ix_data_exports_account" ON "data_exports" ("account_id", "created_at")`,
    );
    await db.query(`CREATE TABLE "data_export_parts" (
      "export_id" varchar(36) NOT NULL,
      "part" integer NOT NULL,
      "data" blob NOT NULL,
      CONSTRAINT "fk_data_export_parts_export" FOREIGN KEY ("export_id") REFERENCES "data_exports" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
      PRIMARY KEY ("export_id", "part"))`);
    await db.query(`CREATE TABLE "account_deletions" (
      "id" varchar(36) PRIMARY KEY NOT NULL,
      "subject" varchar(64) NOT NULL,
      "scheduled_at" datetime(3) NOT NULL,
      "erased_at" datetime(3) NOT NULL,
      "organizations_deleted" integer NOT NULL,
      "rows_deleted" integer NOT NULL)`);
    await db.query(`CREATE TABLE "recordings_deletion_requests" (
      "id" varchar(36) PRIMARY KEY NOT NULL,
      "organization_id" varchar(36) NOT NULL,
      "requested_by_account_id" varchar(36),
      "status" varchar(16) NOT NULL,
      "requested_at" datetime(3) NOT NULL,
      "completed_at" datetime(3),
      "completed_by_api_key_id" varchar(36),
      CONSTRAINT "fk_recordings_deletion_requests_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
      CONSTRAINT "fk_recordings_deletion_requests_requester" FOREIGN KEY ("requested_by_account_id") REFERENCES "accounts" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`);
    await db.query(
      `CREATE INDEX "ix_recordings_deletion_requests_organization" ON "recordings_deletion_requests" ("organization_id", "requested_at")`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "recordings_deletion_requests"`);
    await db.query(`DROP TABLE "account_deletions"`);
    await db.query(`DROP TABLE "data_export_parts"`);
    await db.query(`DROP TABLE "data_exports"`);
    await db.query(`ALTER TABLE "accounts" DROP COLUMN "deletion_requested_at"`);
    await db.query(`ALTER TABLE "accounts" DROP COLUMN "deletion_scheduled_for"`);
  }
}
