import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DateColumn, IdColumn } from '../../db/columns';
import { AccountEntity } from '../account/account.entity';

@Entity({ name: 'sessions' })
export class SessionEntity {
  @IdColumn()
  id: string;

  @Index('ix_sessions_account')
  @Column({ name: 'account_id', type: 'varchar', length: 36 })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_sessions_account' })
  account?: AccountEntity;

  /** SHA-256 (hex) of the token the client holds; the token itself is never stored. */
  @Index('uq_sessions_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @DateColumn({ name: 'created_at' })
  createdAt: Date;

  @DateColumn({ name: 'last_active_at' })
  lastActiveAt: Date;

  /** Sliding expiry, pushed forward on activity but never past absoluteExpiresAt. */
  @DateColumn({ name: 'expires_at' })
  expiresAt: Date;

  @DateColumn({ name: 'absolute_expires_at' })
  absoluteExpiresAt: Date;

  @Column({ name: 'user_agent', type: 'varchar', length: 512, nullable: true })
  userAgent: string | null;

  @Column({ name: 'device_type', type: 'varchar', length: 32, nullable: true })
  deviceType: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  browser: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  os: string | null;

  @Column({ name: 'ip_address', type: 'varchar', length: 45, nullable: true })
  ipAddress: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  location: string | null;

  /** PASSWORD, or MFA once a second factor was presented. */
  @Column({ name: 'mfa_level', type: 'varchar', length: 16, default: 'PASSWORD' })
  mfaLevel: string;

  @DateColumn({ name: 'reauthenticated_at' })
  reauthenticatedAt: Date;

  @DateColumn({ name: 'revoked_at', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoked_reason', type: 'varchar', length: 32, nullable: true })
  revokedReason: string | null;
}

/**
 * What a request carries of the session it came with: what authentication and authorization
 * read (expiry, MFA level, last re-authentication), not the device details, which only the
 * session list shows. The per-request lookup reads these columns and no others.
 */
export const SESSION_PRINCIPAL_PROPERTIES = [
  'id',
  'accountId',
  'tokenHash',
  'lastActiveAt',
  'expiresAt',
  'absoluteExpiresAt',
  'mfaLevel',
  'reauthenticatedAt',
  'revokedAt',
] as const satisfies ReadonlyArray<keyof SessionEntity>;

export type SessionPrincipal = Pick<SessionEntity, (typeof SESSION_PRINCIPAL_PROPERTIES)[number]>;
