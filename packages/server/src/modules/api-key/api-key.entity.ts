import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DateColumn, IdColumn } from '../../db/columns';
import { AccountEntity } from '../account/account.entity';
import { OrganizationEntity } from '../organization/organization.entity';

export const API_KEY_NAME_MAX_CHARS = 100;

/**
 * An organization's key for internal tools. The secret is never stored: only its SHA-256
 * (`secretHash`, and `previousSecretHash` during a roll's grace period) and a display prefix to
 * tell keys apart. Not an API type: see ApiKey.
 */
@Entity({ name: 'api_keys' })
export class ApiKeyEntity {
  @IdColumn()
  id: string;

  @Index('ix_api_keys_organization')
  @Column({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_api_keys_organization' })
  organization?: OrganizationEntity;

  @Column({ type: 'varchar', length: API_KEY_NAME_MAX_CHARS })
  name: string;

  /** `atr_live_` and the first characters of the secret, shown in lists. */
  @Column({ type: 'varchar', length: 32 })
  prefix: string;

  @Index('uq_api_keys_secret_hash', { unique: true })
  @Column({ name: 'secret_hash', type: 'varchar', length: 64 })
  secretHash: string;

  /** Comma-separated ApiKeyScope values. */
  @Column({ type: 'varchar', length: 500 })
  scopes: string;

  /** Null once the creator's account is erased; the key stays the organization's. */
  @Column({ name: 'created_by_account_id', type: 'varchar', length: 36, nullable: true })
  createdByAccountId: string | null;

  @ManyToOne(() => AccountEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_account_id', foreignKeyConstraintName: 'fk_api_keys_creator' })
  createdBy?: AccountEntity;

  @DateColumn({ name: 'created_at' })
  createdAt: Date;

  @DateColumn({ name: 'expires_at', nullable: true })
  expiresAt: Date | null;

  @DateColumn({ name: 'last_used_at', nullable: true })
  lastUsedAt: Date | null;

  @Column({ name: 'last_used_ip', type: 'varchar', length: 45, nullable: true })
  lastUsedIp: string | null;

  @DateColumn({ name: 'revoked_at', nullable: true })
  revokedAt: Date | null;

  /** The secret before the last roll, still accepted until `previousSecretExpiresAt`. */
  @Index('uq_api_keys_previous_secret_hash', { unique: true })
  @Column({ name: 'previous_secret_hash', type: 'varchar', length: 64, nullable: true })
  previousSecretHash: string | null;

  @DateColumn({ name: 'previous_secret_expires_at', nullable: true })
  previousSecretExpiresAt: Date | null;

  @DateColumn({ name: 'rolled_at', nullable: true })
  rolledAt: Date | null;

  /** When the organization's admins were told that the key expires soon (once per key). */
  @DateColumn({ name: 'expiry_notified_at', nullable: true })
  expiryNotifiedAt: Date | null;
}
