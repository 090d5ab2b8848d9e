import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks: endpoints (secrets sealed), the events published to them, one delivery per event and
 * endpoint, and the log of every attempt.
 */
export class Webhooks1764610000000 implements MigrationInterface {
  name = 'Webhooks1764610000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE \`webhook_endpoints\` (
      \`id\` varchar(36) NOT NULL,
      \`organization_id\` varchar(36) NOT NULL,
      \`url\` varchar(2000) NOT NULL,
      \`description\` varchar(500) NOT NULL DEFAULT '',
      \`event_types\` varchar(1000) NOT NULL,
      \`enabled\` tinyint NOT NULL,
      \`disabled_reason\` varchar(16) NULL,
      \`secret_sealed\` varchar(255) NOT NULL,
      \`previous_secret_sealed\` varchar(255) NULL,
      \`previous_secret_expires_at\` datetime(3) NULL,
      \`last_sequence\` bigint NOT NULL DEFAULT '0',
      \`last_success_at\` datetime(3) NULL,
      \`last_failure_at\` datetime(3) NULL,
      \`failure_streak\` int NOT NULL DEFAULT '0',
      \`failing_since\` datetime(3) NULL,
      \`failure_warned_at\` datetime(3) NULL,
      \`created_at\` datetime(3) NOT NULL,
      \`updated_at\` datetime(3) NOT NULL,
      INDEX \`ix_webhook_endpoints_organization\` (\`organization_id\`),
      PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await db.query(`CREATE TABLE \`webhook_events\` (
      \`id\` varchar(36) NOT NULL,
      \`organization_id\` varchar(36) NOT NULL,
      \`type\` varchar(64) NOT NULL,
      \`data\` text NOT NULL,
      \`source\` varchar(16) NOT NULL,
      \`idempotency_key\` varchar(191) NULL,
      \`created_at\` datetime(3) NOT NULL,
      INDEX \`ix_webhook_events_created_at\` (\`created_at\`),
      UNIQUE INDEX \`uq_webhook_events_idempotency_key\` (\`organization_id\`, \`idempotency_key\`),
      PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await db.query(`CREATE TABLE \`webhook_deliveries\` (
      \`id\` varchar(36) NOT NULL,
      \`endpoint_id\` varchar(36) NOT NULL,
      \`event_id\` varchar(36) NOT NULL,
      \`event_type\` varchar(64) NOT NULL,
      \`sequence\` bigint NOT NULL,
      \`status\` varchar(16) NOT NULL,
      \`attempt_count\` int NOT NULL DEFAULT '0',
      \`scheduled_attempts\` int NOT NULL DEFAULT '0',
      \`last_response_status\` int NULL,
      \`next_attempt_at\` datetime(3) NULL,
      \`last_attempt_at\` datetime(3) NULL,
      \`created_at\` datetime(3) NOT NULL,
      INDEX \`ix_webhook_deliveries_event\` (\`event_id\`),
      INDEX \`ix_webhook_deliveries_created_at\` (\`created_at\`),
      INDEX \`ix_webhook_deliveries_endpoint_status\` (\`endpoint_id\`, \`status\`, \`created_at\`),
      INDEX \`ix_webhook_deliveries_endpoint\` (\`endpoint_id\`, \`id\`),
      PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await db.query(`CREATE TABLE \`webhook_attempts\` (
      \`id\` varchar(36) NOT NULL,
      \`delivery_id\` varchar(36) NOT NULL,
      \`started_at\` datetime(3) NOT NULL,
      \`duration_ms\` int NOT NULL,
      \`response_status\` int NULL,
      \`request_headers\` text NOT NULL,
      \`response_body\` text NULL,
      \`error\` varchar(500) NULL,
      \`manual\` tinyint NOT NULL DEFAULT 0,
      INDEX \`ix_webhook_attempts_delivery\` (\`delivery_id\`, \`id\`),
      PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    const foreignKeys: Array<[string, string, string, string]> = [
      [
        'webhook_endpoints',
        'fk_webhook_endpoints_organization',
        'organization_id',
        'organizations',
      ],
      ['webhook_events', 'fk_webhook_events_organization', 'organization_id', 'organizations'],
      ['webhook_deliveries', 'fk_webhook_deliveries_endpoint', 'endpoint_id', 'webhook_endpoints'],
      ['webhook_deliveries', 'fk_webhook_deliveries_event', 'event_id', 'webhook_events'],
      ['webhook_attempts', 'fk_webhook_attempts_delivery', 'delivery_id', 'webhook_deliveries'],
    ];
    for (const [table, name, column, referenced] of foreignKeys) {
      await db.query(
        `ALTER TABLE \`${table}\` ADD CONSTRAINT \`${name}\` FOREIGN KEY (\`${column}\`) REFERENCES \`${referenced}\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'webhook_attempts',
      'webhook_deliveries',
      'webhook_events',
      'webhook_endpoints',
    ]) {
      await db.query(`DROP TABLE \`${table}\``);
    }
  }
}
