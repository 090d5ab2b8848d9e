import { Column, Entity, Index } from 'typeorm';
import { DateColumn, IdColumn } from '../../db/columns';
import { EMAIL_MAX_CHARS } from '../auth/email-address';

/** `full_name` is VARCHAR(100): the inputs that set it allow as many characters, no more. */
export const FULL_NAME_MAX_CHARS = 100;

export type AccountStatus = 'ACTIVE' | 'DEACTIVATED' | 'PENDING_DELETION';

@Entity({ name: 'accounts' })
export class AccountEntity {
  @IdColumn()
  id: string;

  /** The address as the person typed it, for display and mail. */
  @Column({ type: 'varchar', length: EMAIL_MAX_CHARS })
  email: string;

  /** Lower-cased address: uniqueness is case-insensitive on every driver. */
  @Index('uq_accounts_email_normalized', { unique: true })
  @Column({ name: 'email_normalized', type: 'varchar', length: EMAIL_MAX_CHARS })
  emailNormalized: string;

  @DateColumn({ name: 'email_verified_at', nullable: true })
  emailVerifiedAt: Date | null;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ name: 'full_name', type: 'varchar', length: FULL_NAME_MAX_CHARS })
  fullName: string;

  /** Stored lower-cased; unique when set. */
  @Index('uq_accounts_username', { unique: true })
  @Column({ type: 'varchar', length: 30, nullable: true })
  username: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  phone: string | null;

  @DateColumn({ name: 'phone_verified_at', nullable: true })
  phoneVerifiedAt: Date | null;

  @Column({ type: 'varchar', length: 64, default: 'UTC' })
  timezone: string;

  @Column({ type: 'varchar', length: 16, default: 'en' })
  locale: string;

  @Column({ type: 'varchar', length: 2, nullable: true })
  country: string | null;

  @Column({ type: 'varchar', length: 20, default: 'ACTIVE' })
  status: AccountStatus;

  /** When a scheduled deletion erases the account (PENDING_DELETION), else null. */
  @DateColumn({ name: 'deletion_scheduled_for', nullable: true })
  deletionScheduledFor: Date | null;

  @DateColumn({ name: 'deletion_requested_at', nullable: true })
  deletionRequestedAt: Date | null;

  /** Changes with every new avatar, so its URL can be cached forever; null without one. */
  @Column({ name: 'avatar_version', type: 'varchar', length: 16, nullable: true })
  avatarVersion: string | null;

  @Column({ name: 'mfa_enabled', type: 'boolean', default: false })
  mfaEnabled: boolean;

  /** The TOTP seed, sealed with AES-256-GCM (SecretBox); null without MFA. */
  @Column({ name: 'totp_secret', type: 'varchar', length: 255, nullable: true })
  totpSecret: string | null;

  /** A seed being enrolled, until a code from it is confirmed. */
  @Column({ name: 'totp_pending_secret', type: 'varchar', length: 255, nullable: true })
  totpPendingSecret: string | null;

  /** The last time step a code was accepted for: no step is accepted twice. */
  @Column({ name: 'totp_last_step', type: 'int', nullable: true })
  totpLastStep: number | null;

  /** Text-message codes to the verified phone are a second factor (beside TOTP). */
  @Column({ name: 'sms_mfa_enabled', type: 'boolean', default: false })
  smsMfaEnabled: boolean;

  /** The method the log-in's second step offers first (TOTP, SMS or PASSKEY); null: the first set up. */
  @Column({ name: 'mfa_default_method', type: 'varchar', length: 16, nullable: true })
  mfaDefaultMethod: string | null;

  /**
   * The WebAuthn user handle of this account's passkeys: random (never the account id or an
   * address), made with the first passkey.
   */
  @Index('uq_accounts_webauthn_user_handle', { unique: true })
  @Column({ name: 'webauthn_user_handle', type: 'varchar', length: 64, nullable: true })
  webauthnUserHandle: string | null;

  @DateColumn({ name: 'created_at' })
  createdAt: Date;

  @DateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
