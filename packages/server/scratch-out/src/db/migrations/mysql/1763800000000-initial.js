"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Initial1763800000000 = void 0;
class Initial1763800000000 {
    name = 'Initial1763800000000';
    async up(db) {
        await db.query(`CREATE TABLE \`accounts\` (
      \`id\` varchar(36) NOT NULL,
      \`email\` varchar(254) NOT NULL,
      \`email_normalized\` varchar(254) NOT NULL,
      \`email_verified_at\` datetime(3) NULL,
      \`password_hash\` varchar(255) NOT NULL,
      \`full_name\` varchar(100) NOT NULL,
      \`username\` varchar(30) NULL,
      \`phone\` varchar(16) NULL,
      \`phone_verified_at\` datetime(3) NULL,
      \`timezone\` varchar(64) NOT NULL DEFAULT 'UTC',
      \`locale\` varchar(16) NOT NULL DEFAULT 'en',
      \`country\` varchar(2) NULL,
      \`status\` varchar(20) NOT NULL DEFAULT 'ACTIVE',
      \`mfa_enabled\` tinyint NOT NULL DEFAULT 0,
      \`created_at\` datetime(3) NOT NULL,
      \`updated_at\` datetime(3) NOT NULL,
      UNIQUE INDEX \`uq_accounts_email_normalized\` (\`email_normalized\`),
      UNIQUE INDEX \`uq_accounts_username\` (\`username\`),
      PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await db.query(`CREATE TABLE \`organizations\` (
      \`id\` varchar(36) NOT NULL,
      \`name\` varchar(100) NOT NULL,
      \`industry\` varchar(50) NULL,
      \`website\` varchar(2048) NULL,
      \`plan\` varchar(32) NOT NULL DEFAULT 'PROFESSIONAL',
      \`created_at\` datetime(3) NOT NULL,
      \`updated_at\` datetime(3) NOT NULL,
      PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await db.query(`CREATE TABLE \`team_members\` (
      \`id\` varchar(36) NOT NULL,
      \`organization_id\` varchar(36) NOT NULL,
      \`account_id\` varchar(36) NOT NULL,
      \`role\` varchar(16) NOT NULL,
      \`created_at\` datetime(3) NOT NULL,
      INDEX \`ix_team_members_account\` (\`account_id\`),
      UNIQUE INDEX \`uq_team_members_org_account\` (\`organization_id\`, \`account_id\`),
      PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await db.query(`CREATE TABLE \`sessions\` (
      \`id\` varchar(36) NOT NULL,
      \`account_id\` varchar(36) NOT NULL,
      \`token_hash\` varchar(64) NOT NULL,
      \`created_at\` datetime(3) NOT NULL,
      \`last_active_at\` datetime(3) NOT NULL,
      \`expires_at\` datetime(3) NOT NULL,
      \`absolute_expires_at\` datetime(3) NOT NULL,
      \`user_agent\` varchar(512) NULL,
      \`device_type\` varchar(32) NULL,
      \`browser\` varchar(64) NULL,
      \`os\` varchar(64) NULL,
      \`ip_address\` varchar(45) NULL,
      \`location\` varchar(128) NULL,
      \`mfa_level\` varchar(16) NOT NULL DEFAULT 'PASSWORD',
      \`reauthenticated_at\` datetime(3) NOT NULL,
      \`revoked_at\` datetime(3) NULL,
      \`revoked_reason\` varchar(32) NULL,
      INDEX \`ix_sessions_account\` (\`account_id\`),
      UNIQUE INDEX \`uq_sessions_token_hash\` (\`token_hash\`),
      PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
        await db.query('ALTER TABLE `team_members` ADD CONSTRAINT `fk_team_members_organization` FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION');
        await db.query('ALTER TABLE `team_members` ADD CONSTRAINT `fk_team_members_account` FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION');
        await db.query('ALTER TABLE `sessions` ADD CONSTRAINT `fk_sessions_account` FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION');
    }
    async down(db) {
        await db.query('DROP TABLE `sessions`');
        await db.query('DROP TABLE `team_members`');
        await db.query('DROP TABLE `organizations`');
        await db.query('DROP TABLE `accounts`');
    }
}
exports.Initial1763800000000 = Initial1763800000000;
