import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Plan, usage and billing: the day each organization's billing cycle starts; usage counted per
 * quarter hour instead of per UTC day (cycles start at midnight in the owner's time zone);
 * services' usage reports with their idempotency keys; the wallet's currency and the time its
 * balance is as of; invoices as the billing service reports them.
 */
export class PlanUsageBilling1764760000000 implements MigrationInterface {
  name = 'PlanUsageBilling1764760000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE `organizations` ADD `billing_anchor_day` int NOT NULL DEFAULT 1');
    await db.query('UPDATE `organizations` SET `billing_anchor_day` = DAYOFMONTH(`created_at`)');

    // A day's count becomes the count of its first quarter hour.
    await db.query('ALTER TABLE `usage_counters` ADD `slot_start` datetime(3) NULL');
    await db.query(
      "UPDATE `usage_counters` SET `slot_start` = CAST(CONCAT(`day`, ' 00:00:00.000') AS DATETIME(3))",
    );
    await db.query(`ALTER TABLE \`usage_counters\`
      DROP PRIMARY KEY,
      DROP COLUMN \`day\`,
      MODIFY \`slot_start\` datetime(3) NOT NULL,
      ADD PRIMARY KEY (\`organization_id\`, \`metric\`, \`slot_start\`)`);

    await db.query(`CREATE TABLE \`usage_reports\` (
      \`id\` varchar(36) NOT NULL,
      \`organization_id\` varchar(36) NOT NULL,
      \`idempotency_key\` varchar(191) NOT NULL,
      \`metric\` varchar(40) NOT NULL,
      \`quantity\` bigint NOT NULL,
      \`api_key_id\` varchar(36) NULL,
      \`reported_at\` datetime(3) NOT NULL,
      UNIQUE INDEX \`uq_usage_reports_idempotency_key\` (\`organization_id\`, \`idempotency_key\`),
      INDEX \`ix_usage_reports_reported_at\` (\`reported_at\`),
      PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await db.query(
      'ALTER TABLE `usage_reports` ADD CONSTRAINT `fk_usage_reports_organization` FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );

    // No API wrote wallets before this (only the billing service will): a row a script left is
    // taken as euros, as of when it was written.
    await db.query(`ALTER TABLE \`wallets\`
      ADD \`currency\` varchar(3) NOT NULL DEFAULT 'EUR',
      ADD \`as_of\` datetime(3) NULL`);
    await db.query('UPDATE `wallets` SET `as_of` = `updated_at`');
    await db.query(`ALTER TABLE \`wallets\`
      ALTER \`currency\` DROP DEFAULT,
      MODIFY \`as_of\` datetime(3) NOT NULL`);

    await db.query(`CREATE TABLE \`invoices\` (
      \`id\` varchar(36) NOT NULL,
      \`organization_id\` varchar(36) NOT NULL,
      \`number\` varchar(64) NOT NULL,
      \`period_start\` datetime(3) NOT NULL,
      \`period_end\` datetime(3) NOT NULL,
      \`amount_cents\` bigint NOT NULL,
      \`currency\` varchar(3) NOT NULL,
      \`status\` varchar(16) NOT NULL,
      \`pdf_url\` varchar(2048) NULL,
      \`created_at\` datetime(3) NOT NULL,
      \`updated_at\` datetime(3) NOT NULL,
      UNIQUE INDEX \`uq_invoices_number\` (\`organization_id\`, \`number\`),
      INDEX \`ix_invoices_period\` (\`organization_id\`, \`period_start\`),
      PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await db.query(
      'ALTER TABLE `invoices` ADD CONSTRAINT `fk_invoices_organization` FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE `invoices`');
    await db.query('ALTER TABLE `wallets` DROP COLUMN `as_of`, DROP COLUMN `currency`');
    await db.query('DROP TABLE `usage_reports`');
    await db.query('ALTER TABLE `usage_counters` ADD `day` varchar(10) NULL');
    await db.query("UPDATE `usage_counters` SET `day` = DATE_FORMAT(`slot_start`, '%Y-%m-%d')");
    // Quarter hours of one day fold into the day's count.
    await db.query(`CREATE TEMPORARY TABLE \`usage_days\` AS
      SELECT \`organization_id\`, \`metric\`, \`day\`, SUM(\`quantity\`) AS \`quantity\`
      FROM \`usage_counters\` GROUP BY \`organization_id\`, \`metric\`, \`day\``);
    await db.query('DELETE FROM `usage_counters`');
    await db.query(`ALTER TABLE \`usage_counters\`
      DROP PRIMARY KEY,
      DROP COLUMN \`slot_start\`,
      MODIFY \`day\` varchar(10) NOT NULL,
      ADD PRIMARY KEY (\`organization_id\`, \`metric\`, \`day\`)`);
    await db.query(`INSERT INTO \`usage_counters\` (\`organization_id\`, \`metric\`, \`day\`, \`quantity\`)
      SELECT \`organization_id\`, \`metric\`, \`day\`, \`quantity\` FROM \`usage_days\``);
    await db.query('DROP TEMPORARY TABLE `usage_days`');
    await db.query('ALTER TABLE `organizations` DROP COLUMN `billing_anchor_day`');
  }
}
