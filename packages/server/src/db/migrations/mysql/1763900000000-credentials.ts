import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One-time tokens (email verification and change, password reset, phone codes) and avatars. */
export class Credentials1763900000000 implements MigrationInterface {
  name = 'Credentials1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE `accounts` ADD `avatar_version` varchar(16) NULL');
    await db.query(`CREATE TABLE \`one_time_tokens\` (
      \`id\` varchar(36) NOT NULL,
      \`account_id\` varchar(36) NOT NULL,
      \`purpose\` varchar(20) NOT NULL,
      \`token_hash\` varchar(64) NOT NULL,
      \`payload\` varchar(254) NULL,
      \`attempts\` int NOT NULL DEFAULT '0',
      \`expires_at\` datetime(3) NOT NULL,
      \`used_at\` datetime(3) NULL,
      \`created_at\` datetime(3) NOT NULL,
      UNIQUE INDEX \`uq_one_time_tokens_token_hash\` (\`token_hash\`),
      INDEX \`ix_one_time_tokens_account_purpose\` (\`account_id\`, \`purpose\`),
      PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await db.query(`CREATE TABLE \`avatars\` (
      \`account_id\` varchar(36) NOT NULL,
      \`content_type\` varchar(32) NOT NULL,
      \`data\` blob NOT NULL,
      \`updated_at\` datetime(3) NOT NULL,
      PRIMARY KEY (\`account_id\`)) ENGINE=InnoDB`);
    await db.query(
      'ALTER TABLE `one_time_tokens` ADD CONSTRAINT `fk_one_time_tokens_account` FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await db.query(
      'ALTER TABLE `avatars` ADD CONSTRAINT `fk_avatars_account` FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE `avatars`');
    await db.query('DROP TABLE `one_time_tokens`');
    await db.query('ALTER TABLE `accounts` DROP COLUMN `avatar_version`');
  }
}
