import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Team invitations and verified domains of organizations. */
export class Organizations1764100000000 implements MigrationInterface {
  name = 'Organizations1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE \`invitations\` (
      \`id\` varchar(36) NOT NULL,
      \`organization_id\` varchar(36) NOT NULL,
      \`email\` varchar(254) NOT NULL,
      \`email_normalized\` varchar(254) NOT NULL,
      \`role\` varchar(16) NOT NULL,
      \`status\` varchar(16) NOT NULL,
      \`token_hash\` varchar(64) NOT NULL,
      \`invited_by_account_id\` varchar(36) NULL,
      \`expires_at\` datetime(3) NOT NULL,
      \`accepted_at\` datetime(3) NULL,
      \`created_at\` datetime(3) NOT NULL,
      \`updated_at\` datetime(3) NOT NULL,
      UNIQUE INDEX \`uq_invitations_token_hash\` (\`token_hash\`),
      INDEX \`ix_invitations_invited_by\` (\`invited_by_account_id\`),
      INDEX \`ix_invitations_org_email\` (\`organization_id\`, \`email_normalized\`),
      PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await db.query(`CREATE TABLE \`organization_domains\` (
      \`id\` varchar(36) NOT NULL,
      \`organization_id\` varchar(36) NOT NULL,
      \`domain\` varchar(253) NOT NULL,
      \`verification_token\` varchar(64) NOT NULL,
      \`verified_at\` datetime(3) NULL,
      \`created_at\` datetime(3) NOT NULL,
      UNIQUE INDEX \`uq_organization_domains_org_domain\` (\`organization_id\`, \`domain\`),
      PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await db.query(
      'ALTER TABLE `invitations` ADD CONSTRAINT `fk_invitations_organization` FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await db.query(
      'ALTER TABLE `invitations` ADD CONSTRAINT `fk_invitations_invited_by` FOREIGN KEY (`invited_by_account_id`) REFERENCES `accounts`(`id`) ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await db.query(
      'ALTER TABLE `organization_domains` ADD CONSTRAINT `fk_organization_domains_organization` FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE `organization_domains`');
    await db.query('DROP TABLE `invitations`');
  }
}
