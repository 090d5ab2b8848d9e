import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Passkeys (WebAuthn credentials and their single-use challenges), text-message codes as a second
 * factor with a default method, and the sign-in or MFA method on timeline lines.
 */
export class PasskeysAndSmsMfa1764918000000 implements MigrationInterface {
  name = 'PasskeysAndSmsMfa1764918000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE "accounts" ADD COLUMN "sms_mfa_enabled" boolean NOT NULL DEFAULT (0)`,
    );
    await db.query(`ALTER TABLE "accounts" ADD COLUMN "mfa_default_method" varchar(16)`);
    await db.query(`ALTER TABLE "accounts" ADD COLUMN "webauthn_user_handle" varchar(64)`);
    await db.query(
      `CREATE UNIQUE INDEX "uq_accounts_webauthn_user_handle" ON "accounts" ("webauthn_user_handle")`,
    );
    await db.query(`ALTER TABLE "mfa_challenges" ADD COLUMN "sms_code_hash" varchar(64)`);
    await db.query(`ALTER TABLE "mfa_challenges" ADD COLUMN "sms_code_expires_at" datetime(3)`);
    await db.query(
      `ALTER TABLE "mfa_challenges" ADD COLUMN "sms_sends" integer NOT NULL DEFAULT (0)`,
    );
    await db.query(`ALTER TABLE "security_events" ADD COLUMN "method" varchar(16)`);
    await db.query(`CREATE TABLE "passkeys" (
      "id" varchar(36) PRIMARY KEY NOT NULL,
      "account_id" varchar(36) NOT NULL,
      "credential_id" varchar(1400) NOT NULL,
      "credential_id_hash" varchar(64) NOT NULL,
      "public_key" text NOT NULL,
      "counter" bigint NOT NULL DEFAULT (0),
      "transports" varchar(255),
      "device_type" varchar(16) NOT NULL,
      "backed_up" boolean NOT NULL DEFAULT (0),
      "aaguid" varchar(36),
      "name" varchar(100) NOT NULL,
      "created_at" datetime(3) NOT NULL,
      "last_used_at" datetime(3),
      CONSTRAINT "fk_passkeys_account" FOREIGN KEY ("account_id") REFERENCES "accounts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await db.query(`CREATE INDEX "ix_passkeys_account" ON "passkeys" ("account_id")`);
    await db.query(
      `CREATE UNIQUE INDEX "uq_passkeys_credential_id_hash" ON "passkeys" ("credential_id_hash")`,
    );
    await db.query(`CREATE TABLE "webauthn_challenges" (
      "id" varchar(36) PRIMARY KEY NOT NULL,
      "purpose" varchar(16) NOT NULL,
      "challenge" varchar(128) NOT NULL,
      "attempt_hash" varchar(64),
      "account_id" varchar(36),
      "session_id" varchar(36),
      "expires_at" datetime(3) NOT NULL,
      "used_at" datetime(3),
      "created_at" datetime(3) NOT NULL,
      CONSTRAINT "fk_webauthn_challenges_account" FOREIGN KEY ("account_id") REFERENCES "accounts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
      CONSTRAINT "fk_webauthn_challenges_session" FOREIGN KEY ("session_id") REFERENCES "sessions" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await db.query(
      `CREATE UNIQUE INDEX "uq_webauthn_challenges_attempt_hash" ON "webauthn_challenges" ("attempt_hash")`,
    );
    await db.query(
      `CREATE INDEX "ix_webauthn_challenges_session" ON "webauthn_challenges" ("session_id", "purpose")`,
    );
    await db.query(
      `CREATE INDEX "ix_webauthn_challenges_account" ON "webauthn_challenges" ("account_id")`,
    );
    await db.query(
      `CREATE INDEX "ix_webauthn_challenges_expires" ON "webauthn_challenges" ("expires_at")`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "webauthn_challenges"`);
    await db.query(`DROP TABLE "passkeys"`);
    await db.query(`ALTER TABLE "security_events" DROP COLUMN "method"`);
    await db.query(`ALTER TABLE "mfa_challenges" DROP COLUMN "sms_sends"`);
    await db.query(`ALTER TABLE "mfa_challenges" DROP COLUMN "sms_code_expires_at"`);
    await db.query(`ALTER TABLE "mfa_challenges" DROP COLUMN "sms_code_hash"`);
    await db.query(`DROP INDEX "uq_accounts_webauthn_user_handle"`);
    await db.query(`ALTER TABLE "accounts" DROP COLUMN "webauthn_user_handle"`);
    await db.query(`ALTER TABLE "accounts" DROP COLUMN "mfa_default_method"`);
    await db.query(`ALTER TABLE "accounts" DROP COLUMN "sms_mfa_enabled"`);
  }
}
