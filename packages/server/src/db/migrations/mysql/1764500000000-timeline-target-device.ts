import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A timeline line names the device it was done to (the one signed out), beside the one it came from. */
export class TimelineTargetDevice1764500000000 implements MigrationInterface {
  name = 'TimelineTargetDevice1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE `security_events` ADD `target_device` varchar(160) NULL');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE `security_events` DROP COLUMN `target_device`');
  }
}
