import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DateColumn, IdColumn } from '../../db/columns';
import { AccountEntity } from '../account/account.entity';
import { EMAIL_MAX_CHARS } from '../auth/email-address';

export type TokenPurpose =
  'VERIFY_EMAIL' | 'EMAIL_CHANGE' | 'PASSWORD_RESET' | 'PHONE_CHANGE' | 'REACTIVATE';

/**
 * A single-use secret sent by mail or SMS. Only its hash is stored; redeeming it is a
 * conditional update that must change exactly one row, so parallel redemptions cannot both win.
 */
@Entity({ name: 'one_time_tokens' })
@Index('ix_one_time_tokens_account_purpose', ['accountId', 'purpose'])
export class OneTimeTokenEntity {
  @IdColumn()
  id: string;

  @Column({ name: 'account_id', type: 'varchar', length: 36 })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_one_time_tokens_account' })
  account?: AccountEntity;

  @Column({ type: 'varchar', length: 20 })
  purpose: TokenPurpose;

  /** SHA-256 of a link token, or HMAC-SHA-256 (keyed by SECRET_KEY) of a short SMS code. */
  @Index('uq_one_time_tokens_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  /** What the token confirms: the new email address or phone number. */
  @Column({ type: 'varchar', length: EMAIL_MAX_CHARS, nullable: true })
  payload: string | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @DateColumn({ name: 'expires_at' })
  expiresAt: Date;

  @DateColumn({ name: 'used_at', nullable: true })
  usedAt: Date | null;

  @DateColumn({ name: 'created_at' })
  createdAt: Date;
}
