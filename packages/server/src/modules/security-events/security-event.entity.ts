import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DateColumn, IdColumn } from '../../db/columns';
import { AccountEntity } from '../account/account.entity';

export const SECURITY_EVENT_TYPES = [
  'SIGN_UP',
  'SIGN_IN',
  'SIGN_IN_FAILED',
  'PASSWORD_CHANGED',
  'PASSWORD_RESET',
  'EMAIL_CHANGED',
  'PHONE_CHANGED',
  'PHONE_REMOVED',
  'MFA_ENABLED',
  'MFA_DISABLED',
  'MFA_METHOD_ADDED',
  'MFA_METHOD_REMOVED',
  'MFA_DEFAULT_METHOD_CHANGED',
  'BACKUP_CODES_REGENERATED',
  'PASSKEY_ADDED',
  'PASSKEY_REMOVED',
  'SESSION_REVOKED',
  'API_KEY_CREATED',
  'API_KEY_ROLLED',
  'API_KEY_REVOKED',
  'WEBHOOK_ENDPOINT_CREATED',
  'WEBHOOK_ENDPOINT_DELETED',
  'WEBHOOK_SECRET_REVEALED',
  'WEBHOOK_SECRET_ROTATED',
  'DATA_EXPORT_REQUESTED',
  'DATA_EXPORT_DOWNLOADED',
  'ACCOUNT_DEACTIVATED',
  'ACCOUNT_REACTIVATED',
  'ACCOUNT_DELETION_SCHEDULED',
  'ACCOUNT_DELETION_CANCELLED',
] as const;
export type SecurityEventType = (typeof SECURITY_EVENT_TYPES)[number];

/** How a person proved who they are, or which second factor a change was about. */
export const AUTH_METHODS = ['PASSWORD', 'PASSKEY', 'TOTP', 'SMS', 'BACKUP_CODE'] as const;
export type AuthMethodName = (typeof AUTH_METHODS)[number];

/** One line of a person's security timeline: what happened to their account, when, from where. */
@Entity({ name: 'security_events' })
@Index('ix_security_events_account_id', ['accountId', 'id'])
export class SecurityEventEntity {
  @IdColumn()
  id: string;

  @Column({ name: 'account_id', type: 'varchar', length: 36 })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_security_events_account' })
  account?: AccountEntity;

  @Column({ type: 'varchar', length: 40 })
  type: SecurityEventType;

  @Column({ name: 'ip_address', type: 'varchar', length: 45, nullable: true })
  ipAddress: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  location: string | null;

  /** "Chrome 131 · Windows 10", as the session list shows it. */
  @Column({ type: 'varchar', length: 160, nullable: true })
  device: string | null;

  /** What the event was done to, when that is a device: the one signed out by SESSION_REVOKED. */
  @Column({ name: 'target_device', type: 'varchar', length: 160, nullable: true })
  targetDevice: string | null;

  /** How a SIGN_IN was proven (PASSWORD, PASSKEY, TOTP, SMS, BACKUP_CODE), or the MFA method changed. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  method: AuthMethodName | null;

  /** A sign-in from a device this account had not signed in from before. */
  @Column({ name: 'new_device', type: 'boolean', default: false })
  newDevice: boolean;

  @DateColumn({ name: 'created_at' })
  createdAt: Date;
}
