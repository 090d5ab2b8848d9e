import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The transactional outbox for mail. */
export class MailOutbox1764050000000 implements MigrationInterface {
  name = 'MailOutbox1764050000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE "mail_outbox" (
      "id" varchar(36) PRIMARY KEY NOT NULL,
      "payload" text NOT NULL,
      "attempts" integer NOT NULL DEFAULT (0),
      "next_attempt_at" datetime(3) NOT NULL,
      "sent_at" datetime(3),
      "last_error" varchar(500),
      "created_at" datetime(3) NOT NULL)`);
    await db.query(
      `CREATE INDEX "ix_mail_outbox_due" ON "mail_outbox" ("sent_at", "next_attempt_at")`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "mail_outbox"`);
  }
}
