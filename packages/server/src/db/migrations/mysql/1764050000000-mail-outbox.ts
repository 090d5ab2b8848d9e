import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The transactional outbox for mail. */
export class MailOutbox1764050000000 implements MigrationInterface {
  name = 'MailOutbox1764050000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE \`mail_outbox\` (
      \`id\` varchar(36) NOT NULL,
      \`payload\` text NOT NULL,
      \`attempts\` int NOT NULL DEFAULT '0',
      \`next_attempt_at\` datetime(3) NOT NULL,
      \`sent_at\` datetime(3) NULL,
      \`last_error\` varchar(500) NULL,
      \`created_at\` datetime(3) NOT NULL,
      INDEX \`ix_mail_outbox_due\` (\`sent_at\`, \`next_attempt_at\`),
      PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE `mail_outbox`');
  }
}
