import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DateColumn, IdColumn } from '../../db/columns';
import { AccountEntity } from '../account/account.entity';

/** One of ten single-use recovery codes; only an HMAC of it is stored. */
@Entity({ name: 'mfa_backup_codes' })
export class BackupCodeEntity {
  @IdColumn()
  id: string;

  @Index('ix_mfa_backup_codes_account')
  @Column({ name: 'account_id', type: 'varchar', length: 36 })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_mfa_backup_codes_account' })
  account?: AccountEntity;

  @Index('uq_mfa_backup_codes_code_hash', { unique: true })
  @Column({ name: 'code_hash', type: 'varchar', length: 64 })
  codeHash: string;

  @DateColumn({ name: 'used_at', nullable: true })
  usedAt: Date | null;

  @DateColumn({ name: 'created_at' })
  createdAt: Date;
}
