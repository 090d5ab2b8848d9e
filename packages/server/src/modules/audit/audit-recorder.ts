import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Caller } from '../../caller/caller';
import { newId } from '../../db/columns';
import type { DomainEvent, DomainEventType, EventSubscriber } from '../../events/domain-events';
import { truncateCodePoints } from '../../lib/text';
import { normalizeEmail } from '../auth/email-address';
import { lockOrganization } from '../organization/access';
import {
  canonicalJson,
  detailsDigest,
  entryHash,
  GENESIS_HASH,
  type EntryDetails,
} from './audit-chain';
import {
  AUDIT_DESCRIPTIONS,
  AUDITED_EVENT_TYPES,
  type Audited,
  type AuditDraft,
} from './audit-descriptions';
import {
  AuditChainEntity,
  AuditEventDetailsEntity,
  AuditEventEntity,
  TARGET_LABEL_MAX_CHARS,
  USER_AGENT_MAX_CHARS,
} from './audit-event.entity';
import { REDACTED, type AuditActorType, type Changes } from './audit-types';

/** A field whose value is a credential: its change is recorded, its value never. */
const SECRET_FIELD = /(secret|password|token|hash|link)$/i;

/** Replaces the value of every field named like a secret, whatever a mapping put there. */
export function redactSecrets(changes: Changes): Changes {
  return Object.fromEntries(
    Object.entries(changes).map(([field, change]) => [
      field,
      SECRET_FIELD.test(field)
        ? Object.fromEntries(Object.keys(change).map((side) => [side, REDACTED]))
        : change,
    ]),
  );
}

/** Who acted, as the log names them. */
export function actorOf(caller: Caller): {
  actorType: AuditActorType;
  actorAccountId: string | null;
  apiKeyId: string | null;
} {
  if (caller.kind === 'PERSON') {
    return { actorType: 'PERSON', actorAccountId: caller.account.id, apiKeyId: null };
  }
  if (caller.kind === 'API_KEY') {
    return { actorType: 'API_KEY', actorAccountId: null, apiKeyId: caller.apiKey.id };
  }
  return { actorType: 'SYSTEM', actorAccountId: null, apiKeyId: null };
}

const orNull = (text: string | null | undefined, max: number): string | null =>
  text ? truncateCodePoints(text, max) : null;

/**
 * Appends entries to organizations' audit chains, in the transaction of the change they record.
 * Appends to one organization take turns: the organization's row lock first (which every change
 * in an organization already holds, so it adds no new lock order), then the chain's row, read
 * with a locking read so it is the latest committed head even under REPEATABLE READ.
 */
export class AuditRecorder {
  async record(manager: EntityManager, event: DomainEvent, draft: AuditDraft): Promise<void> {
    const organizationId = event.organizationId;
    if (!organizationId) throw new Error(`${event.type} is audited but names no organization`);
    await lockOrganization(manager, organizationId);
    const chain = await this.lockChain(manager, organizationId);
    const actor = actorOf(event.caller);
    const details: EntryDetails = {
      salt: randomBytes(16).toString('hex'),
      actorAccountId: actor.actorAccountId,
      ipAddress: orNull(event.client.ip, 45),
      userAgent: orNull(event.client.userAgent, USER_AGENT_MAX_CHARS),
      personalLabel: orNull(draft.personalLabel, TARGET_LABEL_MAX_CHARS),
      personalChanges: redactSecrets(draft.personalChanges ?? {}),
    };
    const entry = {
      organizationId,
      sequence: chain.headSequence + 1,
      id: newId(),
      // Taken under the lock, so an organization's entries are in time order too.
      createdAt: new Date(),
      type: draft.type,
      actorType: actor.actorType,
      apiKeyId: actor.apiKeyId,
      targetType: draft.targetType,
      targetId: draft.targetId,
      targetLabel: orNull(draft.targetLabel, TARGET_LABEL_MAX_CHARS),
      changes: redactSecrets(draft.changes ?? {}),
      detailsDigest: detailsDigest(details),
      previousHash: chain.headHash,
    };
    const hash = entryHash({ ...entry, createdAt: entry.createdAt.toISOString() });
    await manager.insert(AuditEventEntity, {
      ...entry,
      changes: canonicalJson(entry.changes),
      entryHash: hash,
    });
    const subjectEmail = draft.subject?.email ? normalizeEmail(draft.subject.email) : null;
    await manager.insert(AuditEventDetailsEntity, {
      auditEventId: entry.id,
      ...details,
      personalChanges: canonicalJson(details.personalChanges),
      subjectAccountId: draft.subject?.accountId ?? null,
      subjectEmail,
    });
    await manager.update(
      AuditChainEntity,
      { organizationId },
      { headSequence: entry.sequence, headHash: hash, updatedAt: entry.createdAt },
    );
  }

  /** The chain's row, locked for the rest of the transaction; made on the first entry. */
  private async lockChain(
    manager: EntityManager,
    organizationId: string,
  ): Promise<AuditChainEntity> {
    const found = await lockedChain(manager, organizationId);
    if (found) return found;
    const chain = manager.create(AuditChainEntity, {
      organizationId,
      headSequence: 0,
      headHash: GENESIS_HASH,
      prunedSequence: 0,
      prunedHash: GENESIS_HASH,
      updatedAt: new Date(),
    });
    // The organization's lock is held: nobody else can be making it.
    await manager.insert(AuditChainEntity, chain);
    return chain;
  }
}

/** The chain's row with a locking read (MySQL); SQLite's transactions already take turns. */
export async function lockedChain(
  manager: EntityManager,
  organizationId: string,
): Promise<AuditChainEntity | null> {
  const query = manager
    .getRepository(AuditChainEntity)
    .createQueryBuilder('c')
    .where('c.organization_id = :organizationId', { organizationId });
  if (manager.connection.options.type !== 'better-sqlite3') query.setLock('pessimistic_write');
  return query.getOne();
}

/**
 * The audit log's subscriber: one in-transaction handler per audited event type, read from the
 * description table, so an entry commits or rolls back with its change.
 */
export function recordAuditLog(recorder: AuditRecorder): EventSubscriber {
  return (events) => {
    for (const type of AUDITED_EVENT_TYPES) {
      const description = AUDIT_DESCRIPTIONS[type] as Audited<DomainEventType>;
      events.inTransaction(type, async (event, manager) => {
        const draft = description.describe(event);
        if (!description.types.includes(draft.type)) {
          throw new Error(`${type} described as ${draft.type}, not one of its declared types`);
        }
        await recorder.record(manager, event, draft);
      });
    }
  };
}
