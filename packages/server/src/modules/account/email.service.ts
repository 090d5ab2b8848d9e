import type { DataSource, EntityManager } from 'typeorm';
import type { Caller, PersonCaller } from '../../caller/caller';
import type { DomainEvents, EventSubscriber } from '../../events/domain-events';
import { isUniqueViolation } from '../../db/errors';
import { badUserInput, fail } from '../../graphql/errors';
import type { Delivery } from '../../messaging/delivery';
import type { RateLimits } from '../../security/rate-limits';
import { isStorableEmail, normalizeEmail } from '../auth/email-address';
import { confirmPassword } from '../auth/password';
import type { OneTimeTokenService } from '../tokens/one-time-token.service';
import type { RecentAuthentication } from '../auth/recent-auth';
import { AccountEntity } from './account.entity';

const LINK_TTL_MS = 24 * 60 * 60 * 1000;

/** Verifying an address, and changing it: only the link sent to the new address changes it. */
export class EmailService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: OneTimeTokenService,
    private readonly delivery: Delivery,
    private readonly limits: RateLimits,
    private readonly recentAuth: RecentAuthentication,
    private readonly events: DomainEvents,
  ) {}

  /** A sign-up's address gets its verification link in the sign-up's own transaction. */
  readonly subscriber: EventSubscriber = (events) => {
    events.inTransaction('account.signed_up', ({ data, caller }, manager) =>
      this.sendVerification(manager, caller, data.account),
    );
  };

  /** Issues a verification link and says so (its mail goes out from the event). */
  private async sendVerification(
    manager: EntityManager,
    caller: Caller,
    account: AccountEntity,
  ): Promise<void> {
    const token = await this.tokens.issueLink(
      account.id,
      'VERIFY_EMAIL',
      LINK_TTL_MS,
      null,
      manager,
    );
    await this.events.emit(manager, {
      type: 'email.verification_requested',
      caller,
      accountId: account.id,
      data: { account, link: this.delivery.link('/verify-email', token) },
    });
  }

  /** Sends a new verification link; false when the address is already verified. */
  async resendVerification(person: PersonCaller): Promise<boolean> {
    const { account } = person;
    if (account.emailVerifiedAt) return false;
    await this.limits.consume('mailRequestPerAccount', account.id);
    await this.limits.consume('mailRequestPerIp', person.client.ip ?? 'unknown');
    await this.dataSource.transaction((manager) => this.sendVerification(manager, person, account));
    return true;
  }

  async requestChange(person: PersonCaller, newEmail: string, password: string): Promise<void> {
    const { account, session } = person;
    const ip = person.client.ip;
    this.recentAuth.require(session);
    const address = newEmail.trim();
    if (!isStorableEmail(address)) throw badUserInput({ newEmail: 'INVALID_EMAIL' });
    await confirmPassword(account, password);
    const normalized = normalizeEmail(address);
    if (normalized === account.emailNormalized) throw badUserInput({ newEmail: 'EMAIL_UNCHANGED' });
    await this.limits.consume('mailRequestPerAccount', account.id);
    await this.limits.consume('mailRequestPerIp', ip ?? 'unknown');
    const taken = await this.dataSource
      .getRepository(AccountEntity)
      .exists({ where: { emailNormalized: normalized } });
    if (taken) throw fail('EMAIL_TAKEN', { fields: { newEmail: 'EMAIL_TAKEN' } });

    await this.dataSource.transaction(async (manager) => {
      const token = await this.tokens.issueLink(
        account.id,
        'EMAIL_CHANGE',
        LINK_TTL_MS,
        address,
        manager,
      );
      await this.events.emit(manager, {
        type: 'email.change_requested',
        caller: person,
        accountId: account.id,
        data: { account, newEmail: address, link: this.delivery.link('/verify-email', token) },
      });
    });
  }

  /** The address a change is waiting to be confirmed for, or null. */
  pendingEmail(accountId: string): Promise<string | null> {
    return this.tokens.pendingPayload(accountId, 'EMAIL_CHANGE');
  }

  /** Withdraws a pending change: its link no longer works. The address stays as it is. */
  async cancelChange(person: PersonCaller): Promise<AccountEntity> {
    const { account } = person;
    await this.dataSource.transaction((manager) =>
      this.tokens.withdraw(manager, account.id, 'EMAIL_CHANGE'),
    );
    return this.dataSource.getRepository(AccountEntity).findOneByOrFail({ id: account.id });
  }

  /**
   * Redeems a link from /verify-email: a sign-up verification marks the address verified; an
   * email change switches to the new address. Token and account change commit together.
   */
  async confirm(caller: Caller, token: string): Promise<AccountEntity> {
    await this.limits.consume('tokenAttemptPerIp', caller.client.ip ?? 'unknown');
    if (!token || token.length > 128) throw badUserInput({ token: 'LINK_INVALID' });
    try {
      return await this.dataSource.transaction(async (manager) => {
        const redeemed = await this.tokens.redeemLink(manager, token, [
          'VERIFY_EMAIL',
          'EMAIL_CHANGE',
        ]);
        if (!redeemed) throw badUserInput({ token: 'LINK_INVALID' });
        const accounts = manager.getRepository(AccountEntity);
        const before = await accounts.findOneByOrFail({ id: redeemed.accountId });
        const now = new Date();
        if (redeemed.purpose === 'EMAIL_CHANGE' && redeemed.payload) {
          await accounts.update(
            { id: redeemed.accountId },
            {
              email: redeemed.payload,
              emailNormalized: normalizeEmail(redeemed.payload),
              emailVerifiedAt: now,
              updatedAt: now,
            },
          );
        } else {
          await accounts.update(
            { id: redeemed.accountId },
            { emailVerifiedAt: now, updatedAt: now },
          );
        }
        if (redeemed.purpose === 'EMAIL_CHANGE' && redeemed.payload) {
          await this.events.emit(manager, {
            type: 'email.changed',
            caller,
            accountId: redeemed.accountId,
            data: { previousEmail: before.email, email: redeemed.payload },
          });
        }
        return accounts.findOneByOrFail({ id: redeemed.accountId });
      });
    } catch (error) {
      // Someone took the address since the link was sent; the link stays unused.
      if (isUniqueViolation(error, 'uq_accounts_email_normalized'))
        throw fail('EMAIL_TAKEN', { fields: { token: 'EMAIL_TAKEN' } });
      throw error;
    }
  }
}
