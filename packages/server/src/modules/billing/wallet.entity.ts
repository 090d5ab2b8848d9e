import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { DateColumn } from '../../db/columns';
import { OrganizationEntity } from '../organization/organization.entity';

/** mysql2 hands bigint over as a string; amounts in cents fit a double exactly. */
export const bigintAsNumber = {
  to: (value: number) => value,
  from: (value: string | number) => Number(value),
};

/** An organization's wallet balance as the billing service last reported it, in cents. */
@Entity({ name: 'wallets' })
export class WalletEntity {
  @PrimaryColumn({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId: string;

  @OneToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_wallets_organization' })
  organization?: OrganizationEntity;

  @Column({ name: 'balance_cents', type: 'bigint', transformer: bigintAsNumber })
  balanceCents: number;

  /** ISO 4217, such as EUR. */
  @Column({ type: 'varchar', length: 3 })
  currency: string;

  /** When the billing service computed the balance; an older report never replaces a newer one. */
  @DateColumn({ name: 'as_of' })
  asOf: Date;

  @DateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
