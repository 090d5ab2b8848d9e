"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Credentials1763900000000 = void 0;
/** One-time tokens (email verification and change, password reset, phone codes) and avatars. */
class Credentials1763900000000 {
    name = 'Credentials1763900000000';
    async up(db) {
        await db.query(`ALTER TABLE "accounts" ADD COLUMN "avatar_version" varchar(16)`);
        await db.query(`CREATE TABLE "one_time_tokens" (
      "id" varchar(36) PRIMARY KEY NOT NULL,
      "account_id" varchar(36) NOT NULL,
      "purpose" varchar(20) NOT NULL,
      "token_hash" varchar(64) NOT NULL,
      "payload" varchar(254),
      "attempts" integer NOT NULL DEFAULT (0),
      "expires_at" datetime(3) NOT NULL,
      "used_at" datetime(3),
      "created_at" datetime(3) NOT NULL,
      CONSTRAINT "fk_one_time_tokens_account" FOREIGN KEY ("account_id") REFERENCES "accounts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
        await db.query(`CREATE UNIQUE INDEX "uq_one_time_tokens_token_hash" ON "one_time_tokens" ("token_hash")`);
        await db.query(`CREATE INDEX "ix_one_time_tokens_account_purpose" ON "one_time_tokens" ("account_id", "purpose")`);
        await db.query(`CREATE TABLE "avatars" (
      "account_id" varchar(36) PRIMARY KEY NOT NULL,
      "content_type" varchar(32) NOT NULL,
      "data" blob NOT NULL,
      "updated_at" datetime(3) NOT NULL,
      CONSTRAINT "fk_avatars_account" FOREIGN KEY ("account_id") REFERENCES "accounts" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    }
    async down(db) {
        await db.query(`DROP TABLE "avatars"`);
        await db.query(`DROP TABLE "one_time_tokens"`);
        await db.query(`ALTER TABLE "accounts" DROP COLUMN "avatar_version"`);
    }
}
exports.Credentials1763900000000 = Credentials1763900000000;
