import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks: endpoints (secrets sealed), the events published to them, one delivery per event and
 * endpoint, and the log of every attempt.
 */
export class Webhooks1764610000000 implements MigrationInterface {
  name = 'Webhooks1764610000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE "webhook_endpoints" (
      "id" varchar(36) PRIMARY KEY NOT NULL,
      "organization_id" varchar(36) NOT NULL,
      "url" varchar(2000) NOT NULL,
      "description" varchar(500) NOT NULL DEFAULT (''),
      "event_types" varchar(1000) NOT NULL,
      "enabled" boolean NOT NULL,
      "disabled_reason" varchar(16),
      "secret_sealed" varchar(255) NOT NULL,
      "previous_secret_sealed" varchar(255),
      "previous_secret_expires_at" datetime(3),
      "last_sequence" bigint NOT NULL DEFAULT (0),
      "last_success_at" datetime(3),
      "last_failure_at" datetime(3),
      "failure_streak" integer NOT NULL DEFAULT (0),
      "failing_since" datetime(3),
      "failure_warned_at" datetime(3),
      "created_at" datetime(3) NOT NULL,
      "updated_at" datetime(3) NOT NULL,
      CONSTRAINT "fk_webhook_endpoints_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await db.query(
      `CREATE INDEX "ix_webhook_endpoints_organization" ON "webhook_endpoints" ("organization_id")`,
    );
    await db.query(`CREATE TABLE "webhook_events" (
      "id" varchar(36) PRIMARY KEY NOT NULL,
      "organization_id" varchar(36) NOT NULL,
      "type" varchar(64) NOT NULL,
      "data" text NOT NULL,
      "source" varchar(16) NOT NULL,
      "idempotency_key" varchar(191),
      "created_at" datetime(3) NOT NULL,
      CONSTRAINT "fk_webhook_events_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await db.query(
      `CREATE INDEX "ix_webhook_events_created_at" ON "webhook_events" ("created_at")`,
    );
    await db.query(
      `CREATE UNIQUE INDEX "uq_webhook_events_idempotency_key" ON "webhook_events" ("organization_id", "idempotency_key")`,
    );
    await db.query(`CREATE TABLE "webhook_deliveries" (
      "id" varchar(36) PRIMARY KEY NOT NULL,
      "endpoint_id" varchar(36) NOT NULL,
      "event_id" varchar(36) NOT NULL,
      "event_type" varchar(64) NOT NULL,
      "sequence" bigint NOT NULL,
      "status" varchar(16) NOT NULL,
      "attempt_count" integer NOT NULL DEFAULT (0),
      "scheduled_attempts" integer NOT NULL DEFAULT (0),
      "last_response_status" integer,
      "next_attempt_at" datetime(3),
      "last_attempt_at" datetime(3),
      "created_at" datetime(3) NOT NULL,
      CONSTRAINT "fk_webhook_deliveries_endpoint" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoints" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
      CONSTRAINT "fk_webhook_deliveries_event" FOREIGN KEY ("event_id") REFERENCES "webhook_events" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    for (const [name, columns] of [
      ['ix_webhook_deliveries_event', '"event_id"'],
      ['ix_webhook_deliveries_created_at', '"created_at"'],
      ['ix_webhook_deliveries_endpoint_status', '"endpoint_id", "status", "created_at"'],
      ['ix_webhook_deliveries_endpoint', '"endpoint_id", "id"'],
    ]) {
      await db.query(`CREATE INDEX "${name}" ON "webhook_deliveries" (${columns})`);
    }
    await db.query(`CREATE TABLE "webhook_attempts" (
      "id" varchar(36) PRIMARY KEY NOT NULL,
      "delivery_id" varchar(36) NOT NULL,
      "started_at" datetime(3) NOT NULL,
      "duration_ms" integer NOT NULL,
      "response_status" integer,
      "request_headers" text NOT NULL,
      "response_body" text,
      "error" varchar(500),
      "manual" boolean NOT NULL DEFAULT (0),
      CONSTRAINT "fk_webhook_attempts_delivery" FOREIGN KEY ("delivery_id") REFERENCES "webhook_deliveries" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await db.query(
      `CREATE INDEX "ix_webhook_attempts_delivery" ON "webhook_attempts" ("delivery_id", "id")`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'webhook_attempts',
      'webhook_deliveries',
      'webhook_events',
      'webhook_endpoints',
    ]) {
      await db.query(`DROP TABLE "${table}"`);
    }
  }
}
