import type { MigrationInterface, QueryRunner } from 'typeorm';

/** TOTP seeds on accounts, backup codes, log-in challenges, and the security timeline. */
export class MfaAndTimeline1764000000000 implements MigrationInterface {
  name = 'MfaAndTimeline1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "accounts" ADD COLUMN "totp_secret" varchar(255)`);
    await db.query(`ALTER TABLE "accounts" ADD COLUMN "totp_pending_secret" varchar(255)`);
    await db.query(`ALTER TABLE "accounts" ADD COLUMN "totp_last_step" integer`);
    await db.query(`CREATE TABLE "mfa_backup_codes" (
      "id" varchar(36) PRIMARY KEY NOT NULL,
      "account_id" varchar(36) NOT NULL,
      "code_hash" varchar(64) NOT NULL,
      "used_at" datetime(3),
      "created_at" datetime(3) NOT NULL,
      CONSTRAINT "fk_mfa_backup_codes_account" FOREIGN KEY ("account_id") REFERENCES "accounts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await db.query(
      `CREATE INDEX "ix_mfa_backup_codes_account" ON "mfa_backup_codes" ("account_id")`,
    );
    await db.query(
      `CREATE UNIQUE INDEX "uq_mfa_backup_codes_code_hash" ON "mfa_backup_codes" ("code_hash")`,
    );
    await db.query(`CREATE TABLE "mfa_challenges" (
      "id" varchar(36) PRIMARY KEY NOT NULL,
      "account_id" varchar(36) NOT NULL,
      "challenge_hash" varchar(64) NOT NULL,
      "attempts" integer NOT NULL DEFAULT (0),
      "expires_at" datetime(3) NOT NULL,
      "used_at" datetime(3),
      "created_at" datetime(3) NOT NULL,
      CONSTRAINT "fk_mfa_challenges_account" FOREIGN KEY ("account_id") REFERENCES "accounts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await db.query(`CREATE INDEX "ix_mfa_challenges_account" ON "mfa_challenges" ("account_id")`);
    await db.query(
      `CREATE UNIQUE INDEX "uq_mfa_challenges_challenge_hash" ON "mfa_challenges" ("challenge_hash")`,
    );
    await db.query(`CREATE TABLE "security_events" (
      "id" varchar(36) PRIMARY KEY NOT NULL,
      "account_id" varchar(36) NOT NULL,
      "type" varchar(40) NOT NULL,
      "ip_address" varchar(45),
      "location" varchar(128),
      "device" varchar(160),
      "new_device" boolean NOT NULL DEFAULT (0),
      "created_at" datetime(3) NOT NULL,
      CONSTRAINT "fk_security_events_account" FOREIGN KEY ("account_id") REFERENCES "accounts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await db.query(
      `CREATE INDEX "ix_security_events_account_id" ON "security_events" ("account_id", "id")`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "security_events"`);
    await db.query(`DROP TABLE "mfa_challenges"`);
    await db.query(`DROP TABLE "mfa_backup_codes"`);
    await db.query(`ALTER TABLE "accounts" DROP COLUMN "totp_last_step"`);
    await db.query(`ALTER TABLE "accounts" DROP COLUMN "totp_pending_secret"`);
    await db.query(`ALTER TABLE "accounts" DROP COLUMN "totp_secret"`);
  }
}
