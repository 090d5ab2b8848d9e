import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DateColumn, IdColumn } from '../../db/columns';
import { AccountEntity } from '../account/account.entity';
import { OrganizationEntity } from '../organization/organization.entity';
import type { NotificationChannel, NotificationType } from './notification-catalog';

export const NOTIFICATION_TITLE_MAX_CHARS = 200;
export const NOTIFICATION_BODY_MAX_CHARS = 2000;
export const NOTIFICATION_LINK_MAX_CHARS = 2048;

/** mysql2 hands bigint over as a string; amounts in cents fit a double exactly. */
const bigintAsNumber = {
  to: (value: number) => value,
  from: (value: string | number) => Number(value),
};

/** One item of a person's in-app feed. */
@Entity({ name: 'notifications' })
@Index('ix_notifications_account_unread', ['accountId', 'readAt'])
export class NotificationEntity {
  /** UUIDv7: newest first is `id DESC`. */
  @IdColumn()
  id: string;

  @Index('ix_notifications_account')
  @Column({ name: 'account_id', type: 'varchar', length: 36 })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_notifications_account' })
  account?: AccountEntity;

  /** The organization it is about, when there is one. */
  @Column({ name: 'organization_id', type: 'varchar', length: 36, nullable: true })
  organizationId: string | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'organization_id',
    foreignKeyConstraintName: 'fk_notifications_organization',
  })
  organization?: OrganizationEntity;

  @Column({ type: 'varchar', length: 32 })
  type: NotificationType;

  @Column({ type: 'varchar', length: NOTIFICATION_TITLE_MAX_CHARS })
  title: string;

  @Column({ type: 'varchar', length: NOTIFICATION_BODY_MAX_CHARS })
  body: string;

  @Column({ type: 'varchar', length: NOTIFICATION_LINK_MAX_CHARS, nullable: true })
  link: string | null;

  @DateColumn({ name: 'read_at', nullable: true })
  readAt: Date | null;

  @Index('ix_notifications_created')
  @DateColumn({ name: 'created_at' })
  createdAt: Date;
}

/** A person's own choice for one cell of the matrix; no row: the organization's or Atrium's default. */
@Entity({ name: 'notification_preferences' })
export class NotificationPreferenceEntity {
  @PrimaryColumn({ name: 'account_id', type: 'varchar', length: 36 })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'account_id',
    foreignKeyConstraintName: 'fk_notification_preferences_account',
  })
  account?: AccountEntity;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  type: NotificationType;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  channel: NotificationChannel;

  @Column({ type: 'boolean' })
  enabled: boolean;

  @DateColumn({ name: 'updated_at' })
  updatedAt: Date;
}

/** An organization's default for one cell (the workspace notification rules), set by its admins. */
@Entity({ name: 'organization_notification_rules' })
export class OrganizationNotificationRuleEntity {
  @PrimaryColumn({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'organization_id',
    foreignKeyConstraintName: 'fk_organization_notification_rules_organization',
  })
  organization?: OrganizationEntity;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  type: NotificationType;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  channel: NotificationChannel;

  @Column({ type: 'boolean' })
  enabled: boolean;

  @DateColumn({ name: 'updated_at' })
  updatedAt: Date;
}

/** A person's quiet hours: minutes after local midnight, in the account's time zone. */
@Entity({ name: 'notification_settings' })
export class NotificationSettingsEntity {
  @PrimaryColumn({ name: 'account_id', type: 'varchar', length: 36 })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'account_id',
    foreignKeyConstraintName: 'fk_notification_settings_account',
  })
  account?: AccountEntity;

  @Column({ name: 'quiet_hours_start', type: 'smallint', nullable: true })
  quietHoursStart: number | null;

  @Column({ name: 'quiet_hours_end', type: 'smallint', nullable: true })
  quietHoursEnd: number | null;

  @DateColumn({ name: 'updated_at' })
  updatedAt: Date;
}

/**
 * A person's low-balance alert for one organization's wallet: fires once below the threshold,
 * re-arms above 1.5 × it, at most once a day.
 */
@Entity({ name: 'low_balance_alerts' })
export class LowBalanceAlertEntity {
  @PrimaryColumn({ name: 'account_id', type: 'varchar', length: 36 })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_low_balance_alerts_account' })
  account?: AccountEntity;

  @PrimaryColumn({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'organization_id',
    foreignKeyConstraintName: 'fk_low_balance_alerts_organization',
  })
  organization?: OrganizationEntity;

  @Column({ name: 'threshold_cents', type: 'bigint', transformer: bigintAsNumber })
  thresholdCents: number;

  /** True while a fall below the threshold would fire. */
  @Column({ type: 'boolean' })
  armed: boolean;

  @DateColumn({ name: 'last_fired_at', nullable: true })
  lastFiredAt: Date | null;

  @DateColumn({ name: 'updated_at' })
  updatedAt: Date;
}

/**
 * A notice a tool sent with sendNotification, kept for its idempotency key: a retried call
 * answers this record and sends nothing.
 */
@Entity({ name: 'notification_sends' })
@Index('uq_notification_sends_idempotency', ['organizationId', 'idempotencyKey'], { unique: true })
export class NotificationSendEntity {
  @IdColumn()
  id: string;

  @Column({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'organization_id',
    foreignKeyConstraintName: 'fk_notification_sends_organization',
  })
  organization?: OrganizationEntity;

  @Index('ix_notification_sends_account')
  @Column({ name: 'account_id', type: 'varchar', length: 36 })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_notification_sends_account' })
  account?: AccountEntity;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 191, nullable: true })
  idempotencyKey: string | null;

  @Column({ type: 'varchar', length: 32 })
  type: NotificationType;

  /** The channels it went (or is held to go) by, comma-separated. */
  @Column({ type: 'varchar', length: 32 })
  channels: string;

  /** The in-app item, when in-app was on. */
  @Column({ name: 'notification_id', type: 'varchar', length: 36, nullable: true })
  notificationId: string | null;

  @DateColumn({ name: 'created_at' })
  createdAt: Date;
}
