import { type DataSource, type EntityManager } from 'typeorm';
import type { Caller, PersonCaller } from '../../caller/caller';
import type { DomainEvents } from '../../events/domain-events';
import { badUserInput, fail } from '../../graphql/errors';
import type { JobDefinition } from '../../jobs/define-job';
import type { JobQueue } from '../../jobs/job-queue';
import type { Delivery } from '../../messaging/delivery';
import { AccountEntity } from '../account/account.entity';
import type { RecentAuthentication } from '../auth/recent-auth';
import { OrganizationEntity } from '../organization/organization.entity';
import { TeamMemberEntity } from '../organization/team-member.entity';
import type { SessionService } from '../session/session.service';
import type { OneTimeTokenService } from '../tokens/one-time-token.service';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deactivating (reversible through a mailed link) and deleting (scheduled, cancellable until the
 * date, then erased by the `accounts.erase-due` job) one's own account.
 */
export class AccountLifecycleService {
  eraseJob: JobDefinition<object> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly tokens: OneTimeTokenService,
    private readonly recentAuth: RecentAuthentication,
    private readonly events: DomainEvents,
    private readonly jobs: JobQueue,
    private readonly delivery: Delivery,
    readonly graceDays: number,
  ) {}

  /** Sudo mode; every session ends at once (live sockets close), sign-in is refused until reactivation. */
  async deactivate(person: PersonCaller): Promise<boolean> {
    this.recentAuth.require(person.session);
    return this.dataSource.transaction(async (manager) => {
      const account = await this.lockAccount(manager, person.account.id);
      if (account.status !== 'ACTIVE') throw fail('ACCOUNT_DELETION_ALREADY_SCHEDULED');
      await manager.update(AccountEntity, { id: account.id }, { status: 'DEACTIVATED' });
      await this.events.emit(manager, {
        type: 'account.deactivated',
        caller: person,
        accountId: account.id,
        data: {},
      });
      await this.sessions.revokeAllWithin(manager, person, account.id, 'ACCOUNT_CLOSED', {
        consequenceOf: 'account.deactivated',
      });
      return true;
    });
  }

  /** Uses up a reactivation link: the account is as it was, and can sign in again. */
  async reactivate(token: string, caller: Caller): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const redeemed = await this.tokens.redeemLink(manager, token, ['REACTIVATE']);
      if (!redeemed) throw badUserInput({ token: 'LINK_INVALID' });
      const result = await manager.update(
        AccountEntity,
        { id: redeemed.accountId, status: 'DEACTIVATED' },
        { status: 'ACTIVE', updatedAt: new Date() },
      );
      if ((result.affected ?? 0) === 1) {
        await this.events.emit(manager, {
          type: 'account.reactivated',
          caller,
          accountId: redeemed.accountId,
          data: {},
        });
      }
      return true;
    });
  }

  /**
   * Sudo mode. The account is erased after the grace period unless the person signs in and
   * cancels; every session ends now. An OWNER of an organization with other members must
   * transfer its ownership first; an organization where they are alone goes with them.
   */
  async scheduleDeletion(person: PersonCaller): Promise<AccountEntity> {
    this.recentAuth.require(person.session);
    return this.dataSource.transaction(async (manager) => {
      const account = await this.lockAccount(manager, person.account.id);
      if (account.status === 'PENDING_DELETION') throw fail('ACCOUNT_DELETION_ALREADY_SCHEDULED');
      const shared = await ownedWithOthers(manager, account.id);
      if (shared.length > 0) {
        throw fail('OWNER_MUST_TRANSFER_OWNERSHIP', {
          params: { organizations: shared.map((organization) => organization.name).join(', ') },
        });
      }
      const now = new Date();
      const scheduled = Object.assign(account, {
        status: 'PENDING_DELETION' as const,
        deletionRequestedAt: now,
        deletionScheduledFor: new Date(now.getTime() + this.graceDays * DAY_MS),
        updatedAt: now,
      });
      await manager.update(
        AccountEntity,
        { id: account.id },
        {
          status: scheduled.status,
          deletionRequestedAt: scheduled.deletionRequestedAt,
          deletionScheduledFor: scheduled.deletionScheduledFor,
          updatedAt: now,
        },
      );
      await this.events.emit(manager, {
        type: 'account.deletion_scheduled',
        caller: person,
        accountId: account.id,
        data: { account: scheduled, link: this.delivery.page('/login') },
      });
      await this.sessions.revokeAllWithin(manager, person, account.id, 'ACCOUNT_CLOSED', {
        consequenceOf: 'account.deletion_scheduled',
      });
      // The payload names nobody: the job erases whichever accounts are due when it runs.
      await this.jobs.enqueue(
        manager,
        this.requireEraseJob(),
        {},
        {
          runAt: scheduled.deletionScheduledFor,
        },
      );
      return scheduled;
    });
  }

  /** Before the date, signing in and cancelling keeps the account as it was. */
  async cancelDeletion(person: PersonCaller): Promise<AccountEntity> {
    return this.dataSource.transaction(async (manager) => {
      const account = await this.lockAccount(manager, person.account.id);
      if (account.status !== 'PENDING_DELETION') throw fail('ACCOUNT_DELETION_NOT_SCHEDULED');
      const now = new Date();
      await manager.update(
        AccountEntity,
        { id: account.id },
        { status: 'ACTIVE', deletionRequestedAt: null, deletionScheduledFor: null, updatedAt: now },
      );
      await this.events.emit(manager, {
        type: 'account.deletion_cancelled',
        caller: person,
        accountId: account.id,
        data: {},
      });
      return Object.assign(account, {
        status: 'ACTIVE' as const,
        deletionRequestedAt: null,
        deletionScheduledFor: null,
        updatedAt: now,
      });
    });
  }

  private async lockAccount(manager: EntityManager, accountId: string): Promise<AccountEntity> {
    if (manager.connection.options.type !== 'better-sqlite3') {
      await manager.query('SELECT `id` FROM `accounts` WHERE `id` = ? FOR UPDATE', [accountId]);
    }
    return manager.findOneByOrFail(AccountEntity, { id: accountId });
  }

  private requireEraseJob(): JobDefinition<object> {
    if (!this.eraseJob) throw new Error('the erase job is not registered');
    return this.eraseJob;
  }
}

/** Organizations the account owns that have other members too. */
export async function ownedWithOthers(
  manager: EntityManager,
  accountId: string,
): Promise<OrganizationEntity[]> {
  const owned = await manager.find(TeamMemberEntity, {
    where: { accountId, role: 'OWNER' },
    relations: { organization: true },
  });
  const shared: OrganizationEntity[] = [];
  for (const membership of owned) {
    const members = await manager.count(TeamMemberEntity, {
      where: { organizationId: membership.organizationId },
    });
    if (members > 1 && membership.organization) shared.push(membership.organization);
  }
  return shared;
}
