import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The organization audit log: hash-chained entries, their erasable details, each chain's ends. */
export class AuditLog1764950000000 implements MigrationInterface {
  name = 'AuditLog1764950000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE "audit_events" (
      "id" varchar(36) PRIMARY KEY NOT NULL,
      "organization_id" varchar(36) NOT NULL,
      "sequence" integer NOT NULL,
      "type" varchar(40) NOT NULL,
      "actor_type" varchar(10) NOT NULL,
      "api_key_id" varchar(36),
      "target_type" varchar(30) NOT NULL,
      "target_id" varchar(36),
      "target_label" varchar(200),
      "changes" text NOT NULL,
      "details_digest" varchar(64) NOT NULL,
      "previous_hash" varchar(64) NOT NULL,
      "entry_hash" varchar(64) NOT NULL,
      "created_at" datetime(3) NOT NULL,
      CONSTRAINT "fk_audit_events_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await db.query(`CREATE INDEX "ix_audit_events_api_key" ON "audit_events" ("api_key_id")`);
    await db.query(`CREATE INDEX "ix_audit_events_created" ON "audit_events" ("created_at")`);
    await db.query(
      `CREATE INDEX "ix_audit_events_org_created" ON "audit_events" ("organization_id", "created_at")`,
    );
    await db.query(
      `CREATE UNIQUE INDEX "uq_audit_events_org_sequence" ON "audit_events" ("organization_id", "sequence")`,
    );
    await db.query(`CREATE TABLE "audit_event_details" (
      "audit_event_id" varchar(36) PRIMARY KEY NOT NULL,
      "actor_account_id" varchar(36),
      "subject_account_id" varchar(36),
      "subject_email" varchar(254),
      "salt" varchar(32) NOT NULL,
      "ip_address" varchar(45),
      "user_agent" varchar(512),
      "personal_label" varchar(200),
      "personal_changes" text NOT NULL,
      CONSTRAINT "fk_audit_event_details_event" FOREIGN KEY ("audit_event_id") REFERENCES "audit_events" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
      CONSTRAINT "fk_audit_event_details_actor" FOREIGN KEY ("actor_account_id") REFERENCES "accounts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
      CONSTRAINT "fk_audit_event_details_subject" FOREIGN KEY ("subject_account_id") REFERENCES "accounts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await db.query(
      `CREATE INDEX "ix_audit_event_details_subject_email" ON "audit_event_details" ("subject_email")`,
    );
    await db.query(
      `CREATE INDEX "ix_audit_event_details_subject" ON "audit_event_details" ("subject_account_id")`,
    );
    await db.query(
      `CREATE INDEX "ix_audit_event_details_actor" ON "audit_event_details" ("actor_account_id")`,
    );
    await db.query(`CREATE TABLE "audit_chains" (
      "organization_id" varchar(36) PRIMARY KEY NOT NULL,
      "head_sequence" integer NOT NULL,
      "head_hash" varchar(64) NOT NULL,
      "pruned_sequence" integer NOT NULL,
      "pruned_hash" varchar(64) NOT NULL,
      "updated_at" datetime(3) NOT NULL,
      CONSTRAINT "fk_audit_chains_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "audit_chains"`);
    await db.query(`DROP TABLE "audit_event_details"`);
    await db.query(`DROP TABLE "audit_events"`);
  }
}
