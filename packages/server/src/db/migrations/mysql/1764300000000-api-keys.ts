import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Organization API keys: a second kind of caller beside a person. */
export class ApiKeys1764300000000 implements MigrationInterface {
  name = 'ApiKeys1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE \`api_keys\` (
      \`id\` varchar(36) NOT NULL,
      \`organization_id\` varchar(36) NOT NULL,
      \`name\` varchar(100) NOT NULL,
      \`prefix\` varchar(32) NOT NULL,
      \`secret_hash\` varchar(64) NOT NULL,
      \`scopes\` varchar(500) NOT NULL,
      \`created_by_account_id\` varchar(36) NULL,
      \`created_at\` datetime(3) NOT NULL,
      \`expires_at\` datetime(3) NULL,
      \`last_used_at\` datetime(3) NULL,
      \`last_used_ip\` varchar(45) NULL,
      \`revoked_at\` datetime(3) NULL,
      INDEX \`ix_api_keys_organization\` (\`organization_id\`),
      UNIQUE INDEX \`uq_api_keys_secret_hash\` (\`secret_hash\`),
      PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await db.query(
      'ALTER TABLE `api_keys` ADD CONSTRAINT `fk_api_keys_organization` FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await db.query(
      'ALTER TABLE `api_keys` ADD CONSTRAINT `fk_api_keys_creator` FOREIGN KEY (`created_by_account_id`) REFERENCES `accounts`(`id`) ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE `api_keys`');
  }
}
