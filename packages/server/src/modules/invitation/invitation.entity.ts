import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DateColumn, IdColumn } from '../../db/columns';
import { EMAIL_MAX_CHARS } from '../auth/email-address';
import { AccountEntity } from '../account/account.entity';
import { OrganizationEntity } from '../organization/organization.entity';
import type { Role } from '../organization/team-member.entity';

export const INVITATION_STATUSES = ['PENDING', 'ACCEPTED', 'REVOKED', 'EXPIRED'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/**
 * An invitation to join an organization, bound to one email address. The link's token is
 * stored only as its SHA-256; accepting is a conditional update that must change exactly one
 * row. A PENDING row past `expiresAt` is EXPIRED (written so when it is next touched).
 */
@Entity({ name: 'invitations' })
@Index('ix_invitations_org_email', ['organizationId', 'emailNormalized'])
export class InvitationEntity {
  @IdColumn()
  id: string;

  @Column({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_invitations_organization' })
  organization?: OrganizationEntity;

  /** As the inviter typed it, for display and mail. */
  @Column({ type: 'varchar', length: EMAIL_MAX_CHARS })
  email: string;

  @Column({ name: 'email_normalized', type: 'varchar', length: EMAIL_MAX_CHARS })
  emailNormalized: string;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  @Column({ type: 'varchar', length: 16 })
  status: InvitationStatus;

  @Index('uq_invitations_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Index('ix_invitations_invited_by')
  @Column({ name: 'invited_by_account_id', type: 'varchar', length: 36, nullable: true })
  invitedByAccountId: string | null;

  @ManyToOne(() => AccountEntity, { onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'invited_by_account_id',
    foreignKeyConstraintName: 'fk_invitations_invited_by',
  })
  invitedBy?: AccountEntity;

  @DateColumn({ name: 'expires_at' })
  expiresAt: Date;

  @DateColumn({ name: 'accepted_at', nullable: true })
  acceptedAt: Date | null;

  @DateColumn({ name: 'created_at' })
  createdAt: Date;

  @DateColumn({ name: 'updated_at' })
  updatedAt: Date;
}

/** What a person sees: PENDING past its expiry reads as EXPIRED. */
export function effectiveStatus(invitation: InvitationEntity, now = new Date()): InvitationStatus {
  return invitation.status === 'PENDING' && invitation.expiresAt <= now
    ? 'EXPIRED'
    : invitation.status;
}
