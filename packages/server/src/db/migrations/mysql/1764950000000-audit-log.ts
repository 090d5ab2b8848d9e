import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The organization audit log: hash-chained entries, their erasable details, each chain's ends. */
export class AuditLog1764950000000 implements MigrationInterface {
  name = 'AuditLog1764950000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE \`audit_events\` (
      \`id\` varchar(36) NOT NULL,
      \`organization_id\` varchar(36) NOT NULL,
      \`sequence\` int NOT NULL,
      \`type\` varchar(40) NOT NULL,
      \`actor_type\` varchar(10) NOT NULL,
      \`api_key_id\` varchar(36) NULL,
      \`target_type\` varchar(30) NOT NULL,
      \`target_id\` varchar(36) NULL,
      \`target_label\` varchar(200) NULL,
      \`changes\` text NOT NULL,
      \`details_digest\` varchar(64) NOT NULL,
      \`previous_hash\` varchar(64) NOT NULL,
      \`entry_hash\` varchar(64) NOT NULL,
      \`created_at\` datetime(3) NOT NULL,
      INDEX \`ix_audit_events_api_key\` (\`api_key_id\`),
      INDEX \`ix_audit_events_created\` (\`created_at\`),
      INDEX \`ix_audit_events_org_created\` (\`organization_id\`, \`created_at\`),
      UNIQUE INDEX \`uq_audit_events_org_sequence\` (\`organization_id\`, \`sequence\`),
      PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await db.query(
      'ALTER TABLE `audit_events` ADD CONSTRAINT `fk_audit_events_organization` FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await db.query(`CREATE TABLE \`audit_event_details\` (
      \`audit_event_id\` varchar(36) NOT NULL,
      \`actor_account_id\` varchar(36) NULL,
      \`subject_account_id\` varchar(36) NULL,
      \`subject_email\` varchar(254) NULL,
      \`salt\` varchar(32) NOT NULL,
      \`ip_address\` varchar(45) NULL,
      \`user_agent\` varchar(512) NULL,
      \`personal_label\` varchar(200) NULL,
      \`personal_changes\` text NOT NULL,
      INDEX \`ix_audit_event_details_subject_email\` (\`subject_email\`),
      INDEX \`ix_audit_event_details_subject\` (\`subject_account_id\`),
      INDEX \`ix_audit_event_details_actor\` (\`actor_account_id\`),
      PRIMARY KEY (\`audit_event_id\`)) ENGINE=InnoDB`);
    await db.query(
      'ALTER TABLE `audit_event_details` ADD CONSTRAINT `fk_audit_event_details_event` FOREIGN KEY (`audit_event_id`) REFERENCES `audit_events`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await db.query(
      'ALTER TABLE `audit_event_details` ADD CONSTRAINT `fk_audit_event_details_actor` FOREIGN KEY (`actor_account_id`) REFERENCES `accounts`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await db.query(
      'ALTER TABLE `audit_event_details` ADD CONSTRAINT `fk_audit_event_details_subject` FOREIGN KEY (`subject_account_id`) REFERENCES `accounts`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await db.query(`CREATE TABLE \`audit_chains\` (
      \`organization_id\` varchar(36) NOT NULL,
      \`head_sequence\` int NOT NULL,
      \`head_hash\` varchar(64) NOT NULL,
      \`pruned_sequence\` int NOT NULL,
      \`pruned_hash\` varchar(64) NOT NULL,
      \`updated_at\` datetime(3) NOT NULL,
      PRIMARY KEY (\`organization_id\`)) ENGINE=InnoDB`);
    await db.query(
      'ALTER TABLE `audit_chains` ADD CONSTRAINT `fk_audit_chains_organization` FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE `audit_chains`');
    await db.query('DROP TABLE `audit_event_details`');
    await db.query('DROP TABLE `audit_events`');
  }
}
