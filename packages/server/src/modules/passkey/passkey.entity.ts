import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DateColumn, IdColumn } from '../../db/columns';
import { AccountEntity } from '../account/account.entity';

export const PASSKEY_NAME_MAX_CHARS = 100;

/** WebAuthn's two kinds: a credential that may be synced (backup eligible) or one tied to a device. */
export type PasskeyDeviceType = 'singleDevice' | 'multiDevice';

/** One registered passkey (a discoverable WebAuthn credential): its public key, never a secret. */
@Entity({ name: 'passkeys' })
export class PasskeyEntity {
  @IdColumn()
  id: string;

  @Index('ix_passkeys_account')
  @Column({ name: 'account_id', type: 'varchar', length: 36 })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_passkeys_account' })
  account?: AccountEntity;

  /** base64url, as the browser names it (up to 1023 bytes). */
  @Column({ name: 'credential_id', type: 'varchar', length: 1400 })
  credentialId: string;

  /** SHA-256 of credentialId: unique (an index on the id itself would be too long for MySQL). */
  @Index('uq_passkeys_credential_id_hash', { unique: true })
  @Column({ name: 'credential_id_hash', type: 'varchar', length: 64 })
  credentialIdHash: string;

  /** The COSE public key, base64url. */
  @Column({ name: 'public_key', type: 'text' })
  publicKey: string;

  /** The signature counter last seen; an assertion must raise it (unless both are 0). */
  @Column({
    type: 'bigint',
    default: 0,
    transformer: { to: (value: number) => value, from: (value: string | number) => Number(value) },
  })
  counter: number;

  /** Comma-separated transports the browser reported (internal, hybrid, usb…), as hints. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  transports: string | null;

  /** From the backup-eligible flag at registration; it must not change afterwards. */
  @Column({ name: 'device_type', type: 'varchar', length: 16 })
  deviceType: PasskeyDeviceType;

  /** The backup-state flag of the latest ceremony: synced to the person's other devices. */
  @Column({ name: 'backed_up', type: 'boolean', default: false })
  backedUp: boolean;

  @Column({ type: 'varchar', length: 36, nullable: true })
  aaguid: string | null;

  @Column({ type: 'varchar', length: PASSKEY_NAME_MAX_CHARS })
  name: string;

  @DateColumn({ name: 'created_at' })
  createdAt: Date;

  @DateColumn({ name: 'last_used_at', nullable: true })
  lastUsedAt: Date | null;
}
