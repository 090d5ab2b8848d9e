import type { MigrationInterface, QueryRunner } from 'typeorm';

/** TOTP seeds on accounts, backup codes, log-in challenges, and the security timeline. */
export class MfaAndTimeline1764000000000 implements MigrationInterface {
  name = 'MfaAndTimeline1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE `accounts` ADD `totp_secret` varchar(255) NULL');
    await db.query('ALTER TABLE `accounts` ADD `totp_pending_secret` varchar(255) NULL');
    await db.query('ALTER TABLE `accounts` ADD `totp_last_step` int NULL');
    await db.query(`CREATE TABLE \`mfa_backup_codes\` (
      \`id\` varchar(36) NOT NULL,
      \`account_id\` varchar(36) NOT NULL,
      \`code_hash\` varchar(64) NOT NULL,
      \`used_at\` datetime(3) NULL,
      \`created_at\` datetime(3) NOT NULL,
      INDEX \`ix_mfa_backup_codes_account\` (\`account_id\`),
      UNIQUE INDEX \`uq_mfa_backup_codes_code_hash\` (\`code_hash\`),
      PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await db.query(`CREATE TABLE \`mfa_challenges\` (
      \`id\` varchar(36) NOT NULL,
      \`account_id\` varchar(36) NOT NULL,
      \`challenge_hash\` varchar(64) NOT NULL,
      \`attempts\` int NOT NULL DEFAULT '0',
      \`expires_at\` datetime(3) NOT NULL,
      \`used_at\` datetime(3) NULL,
      \`created_at\` datetime(3) NOT NULL,
      INDEX \`ix_mfa_challenges_account\` (\`account_id\`),
      UNIQUE INDEX \`uq_mfa_challenges_challenge_hash\` (\`challenge_hash\`),
      PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await db.query(`CREATE TABLE \`security_events\` (
      \`id\` varchar(36) NOT NULL,
      \`account_id\` varchar(36) NOT NULL,
      \`type\` varchar(40) NOT NULL,
      \`ip_address\` varchar(45) NULL,
      \`location\` varchar(128) NULL,
      \`device\` varchar(160) NULL,
      \`new_device\` tinyint NOT NULL DEFAULT 0,
      \`created_at\` datetime(3) NOT NULL,
      INDEX \`ix_security_events_account_id\` (\`account_id\`, \`id\`),
      PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    for (const table of ['mfa_backup_codes', 'mfa_challenges', 'security_events']) {
      await db.query(
        `ALTER TABLE \`${table}\` ADD CONSTRAINT \`fk_${table}_account\` FOREIGN KEY (\`account_id\`) REFERENCES \`accounts\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE `security_events`');
    await db.query('DROP TABLE `mfa_challenges`');
    await db.query('DROP TABLE `mfa_backup_codes`');
    await db.query('ALTER TABLE `accounts` DROP COLUMN `totp_last_step`');
    await db.query('ALTER TABLE `accounts` DROP COLUMN `totp_pending_secret`');
    await db.query('ALTER TABLE `accounts` DROP COLUMN `totp_secret`');
  }
}
