import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DateColumn, IdColumn } from '../../db/columns';
import { OrganizationEntity } from '../organization/organization.entity';

/** A domain an organization claims; verified once its DNS TXT record carries our token. */
@Entity({ name: 'organization_domains' })
@Index('uq_organization_domains_org_domain', ['organizationId', 'domain'], { unique: true })
export class DomainEntity {
  @IdColumn()
  id: string;

  @Column({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'organization_id',
    foreignKeyConstraintName: 'fk_organization_domains_organization',
  })
  organization?: OrganizationEntity;

  /** Lower-case, without a trailing dot. */
  @Column({ type: 'varchar', length: 253 })
  domain: string;

  /** Published in DNS, so not a secret; random so nobody can pre-publish it. */
  @Column({ name: 'verification_token', type: 'varchar', length: 64 })
  verificationToken: string;

  @DateColumn({ name: 'verified_at', nullable: true })
  verifiedAt: Date | null;

  @DateColumn({ name: 'created_at' })
  createdAt: Date;
}
