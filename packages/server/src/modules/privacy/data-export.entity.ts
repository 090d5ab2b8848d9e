import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DateColumn, IdColumn } from '../../db/columns';
import { AccountEntity } from '../account/account.entity';

export type DataExportStatus = 'PENDING' | 'READY' | 'EXPIRED' | 'FAILED';

/** A person's archive of their own data: built by a job, downloadable until `expiresAt`. */
@Entity({ name: 'data_exports' })
@Index('ix_data_exports_account', ['accountId', 'createdAt'])
export class DataExportEntity {
  @IdColumn()
  id: string;

  @Column({ name: 'account_id', type: 'varchar', length: 36 })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_data_exports_account' })
  account?: AccountEntity;

  /** PENDING until the job wrote the archive; EXPIRED once its parts are gone. */
  @Column({ type: 'varchar', length: 16 })
  status: DataExportStatus;

  @Column({ name: 'size_bytes', type: 'int', nullable: true })
  sizeBytes: number | null;

  /** SHA-256 of the whole ZIP, to check a download against. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  sha256: string | null;

  @DateColumn({ name: 'created_at' })
  createdAt: Date;

  @DateColumn({ name: 'ready_at', nullable: true })
  readyAt: Date | null;

  @DateColumn({ name: 'expires_at', nullable: true })
  expiresAt: Date | null;
}

/** One slice of an archive: a BLOB holds 64 KB on MySQL, so an archive is stored in parts. */
@Entity({ name: 'data_export_parts' })
export class DataExportPartEntity {
  @PrimaryColumn({ name: 'export_id', type: 'varchar', length: 36 })
  exportId: string;

  @PrimaryColumn({ type: 'int' })
  part: number;

  @ManyToOne(() => DataExportEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'export_id', foreignKeyConstraintName: 'fk_data_export_parts_export' })
  dataExport?: DataExportEntity;

  @Column({ type: 'blob' })
  data: Buffer;
}
