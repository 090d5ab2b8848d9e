import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Passkeys (WebAuthn credentials and their single-use challenges), text-message codes as a second
 * factor with a default method, and the sign-in or MFA method on timeline lines.
 */
export class PasskeysAndSmsMfa1764918000000 implements MigrationInterface {
  name = 'PasskeysAndSmsMfa1764918000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE \`accounts\`
      ADD \`sms_mfa_enabled\` tinyint NOT NULL DEFAULT 0,
      ADD \`mfa_default_method\` varchar(16) NULL,
      ADD \`webauthn_user_handle\` varchar(64) NULL,
      ADD UNIQUE INDEX \`uq_accounts_webauthn_user_handle\` (\`webauthn_user_handle\`)`);
    await db.query(`ALTER TABLE \`mfa_challenges\`
      ADD \`sms_code_hash\` varchar(64) NULL,
      ADD \`sms_code_expires_at\` datetime(3) NULL,
      ADD \`sms_sends\` int NOT NULL DEFAULT 0`);
    await db.query('ALTER TABLE `security_events` ADD `method` varchar(16) NULL');
    await db.query(`CREATE TABLE \`passkeys\` (
      \`id\` varchar(36) NOT NULL,
      \`account_id\` varchar(36) NOT NULL,
      \`credential_id\` varchar(1400) NOT NULL,
      \`credential_id_hash\` varchar(64) NOT NULL,
      \`public_key\` text NOT NULL,
      \`counter\` bigint NOT NULL DEFAULT 0,
      \`transports\` varchar(255) NULL,
      \`device_type\` varchar(16) NOT NULL,
      \`backed_up\` tinyint NOT NULL DEFAULT 0,
      \`aaguid\` varchar(36) NULL,
      \`name\` varchar(100) NOT NULL,
      \`created_at\` datetime(3) NOT NULL,
      \`last_used_at\` datetime(3) NULL,
      INDEX \`ix_passkeys_account\` (\`account_id\`),
      UNIQUE INDEX \`uq_passkeys_credential_id_hash\` (\`credential_id_hash\`),
      PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await db.query(
      'ALTER TABLE `passkeys` ADD CONSTRAINT `fk_passkeys_account` FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await db.query(`CREATE TABLE \`webauthn_challenges\` (
      \`id\` varchar(36) NOT NULL,
      \`purpose\` varchar(16) NOT NULL,
      \`challenge\` varchar(128) NOT NULL,
      \`attempt_hash\` varchar(64) NULL,
      \`account_id\` varchar(36) NULL,
      \`session_id\` varchar(36) NULL,
      \`expires_at\` datetime(3) NOT NULL,
      \`used_at\` datetime(3) NULL,
      \`created_at\` datetime(3) NOT NULL,
      UNIQUE INDEX \`uq_webauthn_challenges_attempt_hash\` (\`attempt_hash\`),
      INDEX \`ix_webauthn_challenges_session\` (\`session_id\`, \`purpose\`),
      INDEX \`ix_webauthn_challenges_account\` (\`account_id\`),
      INDEX \`ix_webauthn_challenges_expires\` (\`expires_at\`),
      PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await db.query(
      'ALTER TABLE `webauthn_challenges` ADD CONSTRAINT `fk_webauthn_challenges_account` FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await db.query(
      'ALTER TABLE `webauthn_challenges` ADD CONSTRAINT `fk_webauthn_challenges_session` FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE `webauthn_challenges`');
    await db.query('DROP TABLE `passkeys`');
    await db.query('ALTER TABLE `security_events` DROP COLUMN `method`');
    await db.query(
      'ALTER TABLE `mfa_challenges` DROP COLUMN `sms_sends`, DROP COLUMN `sms_code_expires_at`, DROP COLUMN `sms_code_hash`',
    );
    await db.query(`ALTER TABLE \`accounts\`
      DROP INDEX \`uq_accounts_webauthn_user_handle\`,
      DROP COLUMN \`webauthn_user_handle\`,
      DROP COLUMN \`mfa_default_method\`,
      DROP COLUMN \`sms_mfa_enabled\``);
  }
}
