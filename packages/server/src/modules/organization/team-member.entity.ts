import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DateColumn, IdColumn } from '../../db/columns';
import { AccountEntity } from '../account/account.entity';
import { OrganizationEntity } from './organization.entity';

export const ROLES = ['OWNER', 'ADMIN', 'MANAGER', 'MEMBER', 'VIEWER'] as const;
export type Role = (typeof ROLES)[number];

@Entity({ name: 'team_members' })
@Index('uq_team_members_org_account', ['organizationId', 'accountId'], { unique: true })
export class TeamMemberEntity {
  @IdColumn()
  id: string;

  @Column({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_team_members_organization' })
  organization?: OrganizationEntity;

  @Index('ix_team_members_account')
  @Column({ name: 'account_id', type: 'varchar', length: 36 })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_team_members_account' })
  account?: AccountEntity;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  @DateColumn({ name: 'created_at' })
  createdAt: Date;
}
