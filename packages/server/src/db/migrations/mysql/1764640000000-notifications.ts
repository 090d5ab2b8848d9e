import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications: the in-app feed, the preference matrix (personal choices and workspace rules),
 * quiet hours, low-balance alerts, tools' sends with their idempotency keys; and the wallet
 * balance the low-balance alert watches (reported by the billing service).
 */
export class Notifications1764640000000 implements MigrationInterface {
  name = 'Notifications1764640000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE \`wallets\` (
      \`organization_id\` varchar(36) NOT NULL,
      \`balance_cents\` bigint NOT NULL,
      \`updated_at\` datetime(3) NOT NULL,
      PRIMARY KEY (\`organization_id\`)) ENGINE=InnoDB`);
    await db.query(
      'ALTER TABLE `wallets` ADD CONSTRAINT `fk_wallets_organization` FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await db.query(`CREATE TABLE \`notifications\` (
      \`id\` varchar(36) NOT NULL,
      \`account_id\` varchar(36) NOT NULL,
      \`organization_id\` varchar(36) NULL,
      \`type\` varchar(32) NOT NULL,
      \`title\` varchar(200) NOT NULL,
      \`body\` varchar(2000) NOT NULL,
      \`link\` varchar(2048) NULL,
      \`read_at\` datetime(3) NULL,
      \`created_at\` datetime(3) NOT NULL,
      INDEX \`ix_notifications_account\` (\`account_id\`),
      INDEX \`ix_notifications_account_unread\` (\`account_id\`, \`read_at\`),
      INDEX \`ix_notifications_created\` (\`created_at\`),
      PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await db.query(
      'ALTER TABLE `notifications` ADD CONSTRAINT `fk_notifications_account` FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await db.query(
      'ALTER TABLE `notifications` ADD CONSTRAINT `fk_notifications_organization` FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await db.query(`CREATE TABLE \`notification_preferences\` (
      \`account_id\` varchar(36) NOT NULL,
      \`type\` varchar(32) NOT NULL,
      \`channel\` varchar(16) NOT NULL,
      \`enabled\` tinyint NOT NULL,
      \`updated_at\` datetime(3) NOT NULL,
      PRIMARY KEY (\`account_id\`, \`type\`, \`channel\`)) ENGINE=InnoDB`);
    await db.query(
      'ALTER TABLE `notification_preferences` ADD CONSTRAINT `fk_notification_preferences_account` FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await db.query(`CREATE TABLE \`organization_notification_rules\` (
      \`organization_id\` varchar(36) NOT NULL,
      \`type\` varchar(32) NOT NULL,
      \`channel\` varchar(16) NOT NULL,
      \`enabled\` tinyint NOT NULL,
      \`updated_at\` datetime(3) NOT NULL,
      PRIMARY KEY (\`organization_id\`, \`type\`, \`channel\`)) ENGINE=InnoDB`);
    await db.query(
      'ALTER TABLE `organization_notification_rules` ADD CONSTRAINT `fk_organization_notification_rules_organization` FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await db.query(`CREATE TABLE \`notification_settings\` (
      \`account_id\` varchar(36) NOT NULL,
      \`quiet_hours_start\` smallint NULL,
      \`quiet_hours_end\` smallint NULL,
      \`updated_at\` datetime(3) NOT NULL,
      PRIMARY KEY (\`account_id\`)) ENGINE=InnoDB`);
    await db.query(
      'ALTER TABLE `notification_settings` ADD CONSTRAINT `fk_notification_settings_account` FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await db.query(`CREATE TABLE \`low_balance_alerts\` (
      \`account_id\` varchar(36) NOT NULL,
      \`organization_id\` varchar(36) NOT NULL,
      \`threshold_cents\` bigint NOT NULL,
      \`armed\` tinyint NOT NULL,
      \`last_fired_at\` datetime(3) NULL,
      \`updated_at\` datetime(3) NOT NULL,
      PRIMARY KEY (\`account_id\`, \`organization_id\`)) ENGINE=InnoDB`);
    await db.query(
      'ALTER TABLE `low_balance_alerts` ADD CONSTRAINT `fk_low_balance_alerts_account` FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await db.query(
      'ALTER TABLE `low_balance_alerts` ADD CONSTRAINT `fk_low_balance_alerts_organization` FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await db.query(`CREATE TABLE \`notification_sends\` (
      \`id\` varchar(36) NOT NULL,
      \`organization_id\` varchar(36) NOT NULL,
      \`account_id\` varchar(36) NOT NULL,
      \`idempotency_key\` varchar(191) NULL,
      \`type\` varchar(32) NOT NULL,
      \`channels\` varchar(32) NOT NULL,
      \`notification_id\` varchar(36) NULL,
      \`created_at\` datetime(3) NOT NULL,
      UNIQUE INDEX \`uq_notification_sends_idempotency\` (\`organization_id\`, \`idempotency_key\`),
      INDEX \`ix_notification_sends_account\` (\`account_id\`),
      PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await db.query(
      'ALTER TABLE `notification_sends` ADD CONSTRAINT `fk_notification_sends_organization` FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await db.query(
      'ALTER TABLE `notification_sends` ADD CONSTRAINT `fk_notification_sends_account` FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE `notification_sends`');
    await db.query('DROP TABLE `low_balance_alerts`');
    await db.query('DROP TABLE `notification_settings`');
    await db.query('DROP TABLE `organization_notification_rules`');
    await db.query('DROP TABLE `notification_preferences`');
    await db.query('DROP TABLE `notifications`');
    await db.query('DROP TABLE `wallets`');
  }
}
