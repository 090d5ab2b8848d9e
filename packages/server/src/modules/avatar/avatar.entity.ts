import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { DateColumn } from '../../db/columns';
import { AccountEntity } from '../account/account.entity';

/** The re-encoded avatar image, in the database so every instance can serve it. */
@Entity({ name: 'avatars' })
export class AvatarEntity {
  @PrimaryColumn({ name: 'account_id', type: 'varchar', length: 36 })
  accountId: string;

  @OneToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_avatars_account' })
  account?: AccountEntity;

  @Column({ name: 'content_type', type: 'varchar', length: 32 })
  contentType: string;

  @Column({ type: 'blob' })
  data: Buffer;

  @DateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
