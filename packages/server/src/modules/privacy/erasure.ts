import { createHmac } from 'node:crypto';
import type { Logger } from 'pino';
import { LessThanOrEqual, type DataSource, type EntityManager } from 'typeorm';
import { anonymous } from '../../caller/caller';
import { newId } from '../../db/columns';
import type { DomainEvents } from '../../events/domain-events';
import { JobEntity } from '../../jobs/job.entity';
import { AccountEntity } from '../account/account.entity';
import { AuditEventDetailsEntity } from '../audit/audit-event.entity';
import { InvitationEntity } from '../invitation/invitation.entity';
import { OrganizationEntity } from '../organization/organization.entity';
import { rank } from '../organization/policy';
import { TeamMemberEntity } from '../organization/team-member.entity';
import { AccountDeletionEntity } from './account-deletion.entity';
import { accountReferences } from './personal-tables';

/** Rows deleted per transaction: each step is short, and a crash loses at most one. */
export const ERASE_BATCH = 200;

/**
 * Erases accounts whose deletion date has come, each in small idempotent steps, each its own
 * transaction: the organizations they were alone in, then every row that refers to them (read
 * from the database's foreign keys), then traces without a foreign key (queued mail to them,
 * invitations to their address), then the account row itself with a pseudonymous record and
 * the `account.deleted` event. A run killed half-way leaves a state the next run starts from.
 */
export class AccountEraser {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
    private readonly secretKey: string,
  ) {}

  /** Erases every due account; returns how many. */
  async eraseDue(log: Logger, signal?: AbortSignal, now = new Date()): Promise<number> {
    const due = await this.dataSource.getRepository(AccountEntity).find({
      where: { status: 'PENDING_DELETION', deletionScheduledFor: LessThanOrEqual(now) },
      select: { id: true },
      order: { deletionScheduledFor: 'ASC' },
    });
    let erased = 0;
    for (const { id } of due) {
      if (signal?.aborted) break;
      if (await this.erase(id, log, signal)) erased += 1;
    }
    return erased;
  }

  /** Pseudonym of an account id: matchable by whoever holds the id and the key, nothing more. */
  subjectOf(accountId: string): string {
    return createHmac('sha256', this.secretKey).update(`account:${accountId}`).digest('hex');
  }

  private async erase(accountId: string, log: Logger, signal?: AbortSignal): Promise<boolean> {
    const stillDue = () => this.isStillDue(accountId);
    if (!(await stillDue())) return false;
    const organizationIds: string[] = [];
    let organizationsDeleted = 0;
    let rowsDeleted = 0;

    for (const membership of await this.dataSource
      .getRepository(TeamMemberEntity)
      .findBy({ accountId, role: 'OWNER' })) {
      organizationIds.push(membership.organizationId);
      const deleted = await this.step(accountId, (manager) =>
        this.releaseOrganization(manager, accountId, membership.organizationId),
      );
      if (deleted === null) return false;
      organizationsDeleted += deleted;
      log.info({ step: 'organization' }, 'erasure step');
    }

    for (const reference of await accountReferences(this.dataSource)) {
      for (;;) {
        if (signal?.aborted) return false;
        const removed = await this.step(accountId, (manager) =>
          this.removeBatch(
            manager,
            reference.table,
            reference.column,
            reference.onDelete,
            accountId,
          ),
        );
        if (removed === null) return false;
        rowsDeleted += removed;
        log.info({ step: reference.table, rows: removed }, 'erasure step');
        if (removed < ERASE_BATCH) break;
      }
    }

    const traces = await this.step(accountId, (manager) => this.removeTraces(manager, accountId));
    if (traces === null) return false;
    rowsDeleted += traces;
    log.info({ step: 'traces', rows: traces }, 'erasure step');

    const done = await this.step(accountId, async (manager) => {
      const account = await manager.findOneByOrFail(AccountEntity, { id: accountId });
      const deletion = manager.create(AccountDeletionEntity, {
        id: newId(),
        subject: this.subjectOf(accountId),
        scheduledAt: account.deletionRequestedAt ?? account.updatedAt,
        erasedAt: new Date(),
        organizationsDeleted,
        rowsDeleted,
      });
      await manager.delete(AccountEntity, { id: accountId });
      await manager.insert(AccountDeletionEntity, deletion);
      await this.events.emit(manager, {
        type: 'account.deleted',
        caller: anonymous({ ip: null, userAgent: null }),
        accountId: null,
        data: { accountId, deletionId: deletion.id, organizationIds },
      });
      return 1;
    });
    if (done === null) return false;
    log.info({ step: 'account', deletion: 'done' }, 'erasure step');
    return true;
  }

  /**
   * One transaction that first checks (under the account's lock) that the deletion still
   * stands: a cancellation in the grace period stops the erasure between any two steps.
   */
  private step<T>(
    accountId: string,
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<T | null> {
    return this.dataSource.transaction(async (manager) => {
      if (manager.connection.options.type !== 'better-sqlite3') {
        await manager.query('SELECT `id` FROM `accounts` WHERE `id` = ? FOR UPDATE', [accountId]);
      }
      const account = await manager.findOne(AccountEntity, {
        where: { id: accountId },
        select: { id: true, status: true, deletionScheduledFor: true },
      });
      if (!isDue(account)) return null;
      return work(manager);
    });
  }

  private async isStillDue(accountId: string): Promise<boolean> {
    const account = await this.dataSource.getRepository(AccountEntity).findOne({
      where: { id: accountId },
      select: { id: true, status: true, deletionScheduledFor: true },
    });
    return isDue(account);
  }

  /**
   * An organization the person was alone in goes (with everything of it); one that has gained
   * members since the deletion was scheduled passes to its most senior remaining member.
   */
  private async releaseOrganization(
    manager: EntityManager,
    accountId: string,
    organizationId: string,
  ): Promise<number> {
    const members = await manager.find(TeamMemberEntity, {
      where: { organizationId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const others = members.filter((member) => member.accountId !== accountId);
    if (others.length === 0) {
      await manager.delete(OrganizationEntity, { id: organizationId });
      return 1;
    }
    const heir = [...others].sort((a, b) => rank(b.role) - rank(a.role))[0];
    await manager.update(TeamMemberEntity, { id: heir.id }, { role: 'OWNER' });
    await manager.delete(TeamMemberEntity, { organizationId, accountId });
    return 0;
  }

  private async removeBatch(
    manager: EntityManager,
    table: string,
    column: string,
    onDelete: string,
    accountId: string,
  ): Promise<number> {
    const q = (name: string) => manager.connection.driver.escape(name);
    const rows = (await manager.query(
      `SELECT ${q(column)} AS ${q('ref')} FROM ${q(table)} WHERE ${q(column)} = ? LIMIT ${ERASE_BATCH}`,
      [accountId],
    )) as unknown[];
    if (rows.length === 0) return 0;
    // SET NULL keeps the row (an invitation someone sent, a key someone created) without them.
    const statement =
      onDelete === 'SET NULL'
        ? `UPDATE ${q(table)} SET ${q(column)} = NULL WHERE ${q(column)} = ?`
        : `DELETE FROM ${q(table)} WHERE ${q(column)} = ?`;
    const limited =
      manager.connection.options.type === 'better-sqlite3'
        ? `${statement.replace(`WHERE ${q(column)} = ?`, `WHERE rowid IN (SELECT rowid FROM ${q(table)} WHERE ${q(column)} = ? LIMIT ${ERASE_BATCH})`)}`
        : `${statement} LIMIT ${ERASE_BATCH}`;
    await manager.query(limited, [accountId]);
    return rows.length;
  }

  /**
   * What holds the person without a foreign key: queued or sent mail, invitations to them and
   * the audit details that name their address.
   */
  private async removeTraces(manager: EntityManager, accountId: string): Promise<number> {
    const account = await manager.findOneByOrFail(AccountEntity, { id: accountId });
    let removed = 0;
    // Mail names them too (an invitation they sent carries their name, not their address).
    const needles = [account.email, account.emailNormalized, accountId, account.fullName];
    for (const needle of new Set([...needles, account.username, account.phone])) {
      if (!needle || needle.trim().length < 3) continue;
      const result = await manager
        .createQueryBuilder()
        .delete()
        .from(JobEntity)
        .where("payload LIKE :needle ESCAPE '!'", { needle: `%${escapeLike(needle)}%` })
        .andWhere("(status <> 'RUNNING' OR lease_expires_at <= :now)", { now: new Date() })
        .execute();
      removed += result.affected ?? 0;
    }
    const inFlight = await manager
      .createQueryBuilder(JobEntity, 'job')
      .where("job.payload LIKE :needle ESCAPE '!' AND job.status = 'RUNNING'", {
        needle: `%${escapeLike(account.emailNormalized)}%`,
      })
      .andWhere('job.lease_expires_at > :now', { now: new Date() })
      .getCount();
    // A mail to them is being sent right now: this step (and the job) runs again after it.
    if (inFlight > 0) throw new Error('a job about the person is running; erasure retries later');
    const invitations = await manager.delete(InvitationEntity, {
      emailNormalized: account.emailNormalized,
    });
    // Audit entries about invitations to their address: the details naming it go (the entry
    // and its place in the organization's hash chain stay).
    const auditDetails = await manager.delete(AuditEventDetailsEntity, {
      subjectEmail: account.emailNormalized,
    });
    return removed + (invitations.affected ?? 0) + (auditDetails.affected ?? 0);
  }
}

function isDue(account: Pick<AccountEntity, 'status' | 'deletionScheduledFor'> | null): boolean {
  return (
    account !== null &&
    account.status === 'PENDING_DELETION' &&
    account.deletionScheduledFor !== null &&
    account.deletionScheduledFor.getTime() <= Date.now()
  );
}

function escapeLike(value: string): string {
  return value.replace(/[!%_]/g, (c) => `!${c}`);
}
