import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DateColumn, IdColumn } from '../../db/columns';
import { AccountEntity } from '../account/account.entity';

/** The second step of a log-in: the password was right, a code is still owed. */
@Entity({ name: 'mfa_challenges' })
export class MfaChallengeEntity {
  @IdColumn()
  id: string;

  @Index('ix_mfa_challenges_account')
  @Column({ name: 'account_id', type: 'varchar', length: 36 })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_mfa_challenges_account' })
  account?: AccountEntity;

  /** SHA-256 of the challengeId the client holds. */
  @Index('uq_mfa_challenges_challenge_hash', { unique: true })
  @Column({ name: 'challenge_hash', type: 'varchar', length: 64 })
  challengeHash: string;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @DateColumn({ name: 'expires_at' })
  expiresAt: Date;

  /** HMAC of the text-message code sent for this challenge, if one was. */
  @Column({ name: 'sms_code_hash', type: 'varchar', length: 64, nullable: true })
  smsCodeHash: string | null;

  @DateColumn({ name: 'sms_code_expires_at', nullable: true })
  smsCodeExpiresAt: Date | null;

  /** Text messages sent for this challenge (a few at most: each one costs money). */
  @Column({ name: 'sms_sends', type: 'int', default: 0 })
  smsSends: number;

  @DateColumn({ name: 'used_at', nullable: true })
  usedAt: Date | null;

  @DateColumn({ name: 'created_at' })
  createdAt: Date;
}
