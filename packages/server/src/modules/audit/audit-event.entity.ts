import { Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { DateColumn, IdColumn } from '../../db/columns';
import { AccountEntity } from '../account/account.entity';
import { EMAIL_MAX_CHARS } from '../auth/email-address';
import { OrganizationEntity } from '../organization/organization.entity';
import type { AuditActorType, AuditEventType, AuditTargetType } from './audit-types';

/** Lengths of the text an entry stores (longer values are cut before hashing). */
export const TARGET_LABEL_MAX_CHARS = 200;
export const USER_AGENT_MAX_CHARS = 512;

/**
 * One entry of an organization's audit log: append-only, numbered 1, 2, 3… per organization,
 * each holding the hash of the one before (audit-chain.ts). Nothing here names a person: that
 * is in its details, which the hash covers by digest.
 */
@Entity({ name: 'audit_events' })
@Index('uq_audit_events_org_sequence', ['organizationId', 'sequence'], { unique: true })
@Index('ix_audit_events_org_created', ['organizationId', 'createdAt'])
@Index('ix_audit_events_created', ['createdAt'])
@Index('ix_audit_events_api_key', ['apiKeyId'])
export class AuditEventEntity {
  @IdColumn()
  id: string;

  @Column({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_audit_events_organization' })
  organization?: OrganizationEntity;

  @Column({ type: 'int' })
  sequence: number;

  @Column({ type: 'varchar', length: 40 })
  type: AuditEventType;

  @Column({ name: 'actor_type', type: 'varchar', length: 10 })
  actorType: AuditActorType;

  /** The key that acted (no foreign key: the entry outlives nothing of the key but its id). */
  @Column({ name: 'api_key_id', type: 'varchar', length: 36, nullable: true })
  apiKeyId: string | null;

  @Column({ name: 'target_type', type: 'varchar', length: 30 })
  targetType: AuditTargetType;

  @Column({ name: 'target_id', type: 'varchar', length: 36, nullable: true })
  targetId: string | null;

  /** What the target is called when it is no person (a key's name, a domain, a URL). */
  @Column({ name: 'target_label', type: 'varchar', length: TARGET_LABEL_MAX_CHARS, nullable: true })
  targetLabel: string | null;

  /** Canonical JSON of the changed fields that name nobody: `{field: {before, after}}`. */
  @Column({ type: 'text' })
  changes: string;

  @Column({ name: 'details_digest', type: 'varchar', length: 64 })
  detailsDigest: string;

  @Column({ name: 'previous_hash', type: 'varchar', length: 64 })
  previousHash: string;

  @Column({ name: 'entry_hash', type: 'varchar', length: 64 })
  entryHash: string;

  @DateColumn({ name: 'created_at' })
  createdAt: Date;

  @OneToOne(() => AuditEventDetailsEntity, (details) => details.event)
  details?: AuditEventDetailsEntity | null;
}

/**
 * The part of an entry that identifies people: who acted, from which address and browser, and
 * names or addresses in the change. Erasing an account deletes the details it is in (the
 * foreign keys to `accounts`, and the invitee's address by the erasure's traces step); the
 * entry keeps its place in the chain through `details_digest`.
 */
@Entity({ name: 'audit_event_details' })
@Index('ix_audit_event_details_actor', ['actorAccountId'])
@Index('ix_audit_event_details_subject', ['subjectAccountId'])
@Index('ix_audit_event_details_subject_email', ['subjectEmail'])
export class AuditEventDetailsEntity {
  @PrimaryColumn({ name: 'audit_event_id', type: 'varchar', length: 36 })
  auditEventId: string;

  @OneToOne(() => AuditEventEntity, (event) => event.details, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'audit_event_id',
    foreignKeyConstraintName: 'fk_audit_event_details_event',
  })
  event?: AuditEventEntity;

  @Column({ name: 'actor_account_id', type: 'varchar', length: 36, nullable: true })
  actorAccountId: string | null;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'actor_account_id',
    foreignKeyConstraintName: 'fk_audit_event_details_actor',
  })
  actor?: AccountEntity;

  /** The person the entry is about (a member, an invitee with an account), if any. */
  @Column({ name: 'subject_account_id', type: 'varchar', length: 36, nullable: true })
  subjectAccountId: string | null;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'subject_account_id',
    foreignKeyConstraintName: 'fk_audit_event_details_subject',
  })
  subject?: AccountEntity;

  /** An invitee's address, normalized: erased with an account of that address. */
  @Column({ name: 'subject_email', type: 'varchar', length: EMAIL_MAX_CHARS, nullable: true })
  subjectEmail: string | null;

  @Column({ type: 'varchar', length: 32 })
  salt: string;

  @Column({ name: 'ip_address', type: 'varchar', length: 45, nullable: true })
  ipAddress: string | null;

  @Column({ name: 'user_agent', type: 'varchar', length: USER_AGENT_MAX_CHARS, nullable: true })
  userAgent: string | null;

  @Column({
    name: 'personal_label',
    type: 'varchar',
    length: TARGET_LABEL_MAX_CHARS,
    nullable: true,
  })
  personalLabel: string | null;

  /** Canonical JSON of the changed fields that name someone. */
  @Column({ name: 'personal_changes', type: 'text' })
  personalChanges: string;
}

/**
 * Each organization's chain: its last entry (appends lock this row, so they take turns and
 * each links to the one before) and the last entry retention removed (an export starting
 * after it links to it).
 */
@Entity({ name: 'audit_chains' })
export class AuditChainEntity {
  @PrimaryColumn({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_audit_chains_organization' })
  organization?: OrganizationEntity;

  @Column({ name: 'head_sequence', type: 'int' })
  headSequence: number;

  @Column({ name: 'head_hash', type: 'varchar', length: 64 })
  headHash: string;

  @Column({ name: 'pruned_sequence', type: 'int' })
  prunedSequence: number;

  @Column({ name: 'pruned_hash', type: 'varchar', length: 64 })
  prunedHash: string;

  @DateColumn({ name: 'updated_at' })
  updatedAt: Date;
}
