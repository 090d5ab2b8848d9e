import { Column, Entity } from 'typeorm';
import { DateColumn, IdColumn } from '../../db/columns';

/**
 * What is kept of an erased account: a pseudonymous record that a deletion happened and when.
 * `subject` is an HMAC of the account id under the server's key, so the record can be matched
 * to an id someone already holds but never leads back to the person; no email, name or IP.
 */
@Entity({ name: 'account_deletions' })
export class AccountDeletionEntity {
  @IdColumn()
  id: string;

  @Column({ type: 'varchar', length: 64 })
  subject: string;

  @DateColumn({ name: 'scheduled_at' })
  scheduledAt: Date;

  @DateColumn({ name: 'erased_at' })
  erasedAt: Date;

  /** Organizations erased with the person (those where no one else was a member). */
  @Column({ name: 'organizations_deleted', type: 'int' })
  organizationsDeleted: number;

  /** Rows removed across every table that referred to the account. */
  @Column({ name: 'rows_deleted', type: 'int' })
  rowsDeleted: number;
}
