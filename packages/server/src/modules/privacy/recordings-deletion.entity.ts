import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DateColumn, IdColumn } from '../../db/columns';
import { AccountEntity } from '../account/account.entity';
import { OrganizationEntity } from '../organization/organization.entity';

export type RecordingsDeletionStatus = 'PENDING' | 'COMPLETED';

/**
 * An organization's request that the services holding its call recordings delete them: sent as
 * `recordings.deletion_requested`, completed when one of them confirms through the API.
 */
@Entity({ name: 'recordings_deletion_requests' })
@Index('ix_recordings_deletion_requests_organization', ['organizationId', 'requestedAt'])
export class RecordingsDeletionRequestEntity {
  @IdColumn()
  id: string;

  @Column({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'organization_id',
    foreignKeyConstraintName: 'fk_recordings_deletion_requests_organization',
  })
  organization?: OrganizationEntity;

  @Column({ name: 'requested_by_account_id', type: 'varchar', length: 36, nullable: true })
  requestedByAccountId: string | null;

  @ManyToOne(() => AccountEntity, { onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'requested_by_account_id',
    foreignKeyConstraintName: 'fk_recordings_deletion_requests_requester',
  })
  requestedBy?: AccountEntity;

  @Column({ type: 'varchar', length: 16 })
  status: RecordingsDeletionStatus;

  @DateColumn({ name: 'requested_at' })
  requestedAt: Date;

  @DateColumn({ name: 'completed_at', nullable: true })
  completedAt: Date | null;

  /** The API key that confirmed it (kept when the key goes: it is an id, not a secret). */
  @Column({ name: 'completed_by_api_key_id', type: 'varchar', length: 36, nullable: true })
  completedByApiKeyId: string | null;
}
