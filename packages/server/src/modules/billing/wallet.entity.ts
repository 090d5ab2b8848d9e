import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { DateColumn } from '../../db/columns';
import { OrganizationEntity } from '../organization/organization.entity';

/** An organization's wallet balance as the billing service last reported it, in cents. */
@Entity({ name: 'wallets' })
export class WalletEntity {
  @PrimaryColumn({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId: string;

  @OneToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_wallets_organization' })
  organization?: OrganizationEntity;

  @Column({
    name: 'balance_cents',
    type: 'bigint',
    transformer: { to: (value: number) => value, from: (value: string | number) => Number(value) },
  })
  balanceCents: number;

  @DateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
