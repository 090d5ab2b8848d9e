import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One job table for all slow or external work; the mail outbox becomes its `mail.send` kind.
 * Unsent mail moves over: still pending, with its attempts so far; mail the outbox had given
 * up on (12 attempts) becomes a dead job, visible and retryable.
 */
export class Jobs1764400000000 implements MigrationInterface {
  name = 'Jobs1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE \`jobs\` (
      \`id\` varchar(36) NOT NULL,
      \`kind\` varchar(64) NOT NULL,
      \`payload\` text NOT NULL,
      \`status\` varchar(16) NOT NULL,
      \`run_at\` datetime(3) NOT NULL,
      \`attempts\` int NOT NULL DEFAULT '0',
      \`last_error\` varchar(1000) NULL,
      \`lease_owner\` varchar(100) NULL,
      \`lease_expires_at\` datetime(3) NULL,
      \`idempotency_key\` varchar(191) NULL,
      \`created_at\` datetime(3) NOT NULL,
      \`finished_at\` datetime(3) NULL,
      INDEX \`ix_jobs_due\` (\`status\`, \`kind\`, \`run_at\`),
      UNIQUE INDEX \`uq_jobs_kind_idempotency_key\` (\`kind\`, \`idempotency_key\`),
      PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await db.query(`INSERT INTO \`jobs\` (\`id\`, \`kind\`, \`payload\`, \`status\`, \`run_at\`,
        \`attempts\`, \`last_error\`, \`created_at\`, \`finished_at\`)
      SELECT \`id\`, 'mail.send', \`payload\`,
        CASE WHEN \`attempts\` >= 12 THEN 'DEAD' ELSE 'PENDING' END,
        \`next_attempt_at\`, \`attempts\`, \`last_error\`, \`created_at\`,
        CASE WHEN \`attempts\` >= 12 THEN UTC_TIMESTAMP(3) ELSE NULL END
      FROM \`mail_outbox\` WHERE \`sent_at\` IS NULL`);
    await db.query('DROP TABLE `mail_outbox`');
  }

  async down(db: QueryRunner): Promise<void> {
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
    await db.query(`INSERT INTO \`mail_outbox\` (\`id\`, \`payload\`, \`attempts\`,
        \`next_attempt_at\`, \`sent_at\`, \`last_error\`, \`created_at\`)
      SELECT \`id\`, \`payload\`, \`attempts\`, \`run_at\`, NULL, LEFT(\`last_error\`, 500),
        \`created_at\`
      FROM \`jobs\` WHERE \`kind\` = 'mail.send' AND \`status\` <> 'SUCCEEDED'`);
    await db.query('DROP TABLE `jobs`');
  }
}
