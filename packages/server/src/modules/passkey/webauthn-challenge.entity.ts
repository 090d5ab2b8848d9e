import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DateColumn, IdColumn } from '../../db/columns';
import { AccountEntity } from '../account/account.entity';
import { SessionEntity } from '../session/session.entity';

/** What a WebAuthn challenge was issued for. */
export type WebAuthnPurpose = 'REGISTER' | 'SIGN_IN' | 'REAUTHENTICATE';

/**
 * A challenge handed to the browser for one ceremony: single-use, short-lived, and bound either
 * to the session that asked (registering, re-authenticating) or to one log-in attempt, whose id
 * only the client that started it holds (signing in).
 */
@Entity({ name: 'webauthn_challenges' })
@Index('ix_webauthn_challenges_session', ['sessionId', 'purpose'])
export class WebAuthnChallengeEntity {
  @IdColumn()
  id: string;

  @Column({ type: 'varchar', length: 16 })
  purpose: WebAuthnPurpose;

  /** base64url of 32 random bytes, as sent in the options. */
  @Column({ type: 'varchar', length: 128 })
  challenge: string;

  /** SIGN_IN: SHA-256 of the attempt id the client holds. */
  @Index('uq_webauthn_challenges_attempt_hash', { unique: true })
  @Column({ name: 'attempt_hash', type: 'varchar', length: 64, nullable: true })
  attemptHash: string | null;

  @Index('ix_webauthn_challenges_account')
  @Column({ name: 'account_id', type: 'varchar', length: 36, nullable: true })
  accountId: string | null;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_webauthn_challenges_account' })
  account?: AccountEntity;

  @Column({ name: 'session_id', type: 'varchar', length: 36, nullable: true })
  sessionId: string | null;

  @ManyToOne(() => SessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'fk_webauthn_challenges_session' })
  session?: SessionEntity;

  @Index('ix_webauthn_challenges_expires')
  @DateColumn({ name: 'expires_at' })
  expiresAt: Date;

  @DateColumn({ name: 'used_at', nullable: true })
  usedAt: Date | null;

  @DateColumn({ name: 'created_at' })
  createdAt: Date;
}
