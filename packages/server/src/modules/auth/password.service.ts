import type { DataSource } from 'typeorm';
import { badUserInput } from '../../graphql/errors';
import type { Delivery } from '../../messaging/delivery';
import type { RateLimits } from '../../security/rate-limits';
import { AccountEntity } from '../account/account.entity';
import { OrganizationEntity } from '../organization/organization.entity';
import { TeamMemberEntity } from '../organization/team-member.entity';
import type { SessionService } from '../session/session.service';
import type { Caller, PersonCaller } from '../../caller/caller';
import type { DomainEvents } from '../../events/domain-events';
import type { RecentAuthentication } from './recent-auth';
import type { OneTimeTokenService } from '../tokens/one-time-token.service';
import { isStorableEmail, normalizeEmail } from './email-address';
import { confirmPassword, hashPassword } from './password';
import { passwordPolicyProblem, type PasswordContext } from './password-policy';

const RESET_TTL_MS = 60 * 60 * 1000;

export class PasswordService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: OneTimeTokenService,
    private readonly sessions: SessionService,
    private readonly delivery: Delivery,
    private readonly limits: RateLimits,
    private readonly recentAuth: RecentAuthentication,
    private readonly events: DomainEvents,
  ) {}

  /** The new password, the other sessions ended (if asked), timeline and notice: one transaction. */
  async change(
    person: PersonCaller,
    input: { currentPassword: string; newPassword: string; signOutOtherSessions: boolean },
  ): Promise<void> {
    const { account, session } = person;
    this.recentAuth.require(session);
    const problem = passwordPolicyProblem(input.newPassword, await this.policyContext(account));
    if (problem) throw badUserInput({ newPassword: problem });
    await confirmPassword(account, input.currentPassword, 'currentPassword');
    const passwordHash = await hashPassword(input.newPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager
        .getRepository(AccountEntity)
        .update({ id: account.id }, { passwordHash, updatedAt: new Date() });
      if (input.signOutOtherSessions) {
        await this.sessions.revokeAllWithin(manager, person, account.id, 'REVOKED_OTHERS', {
          exceptSessionId: session.id,
          consequenceOf: 'password.changed',
        });
      }
      await this.events.emit(manager, {
        type: 'password.changed',
        caller: person,
        accountId: account.id,
        data: { account },
      });
    });
  }

  /** Answers the same whether or not the address has an account. */
  async requestReset(caller: Caller, email: string): Promise<void> {
    const ip = caller.client.ip;
    if (!isStorableEmail(email.trim())) throw badUserInput({ email: 'INVALID_EMAIL' });
    const normalized = normalizeEmail(email);
    await this.limits.consume('resetRequestPerIp', ip ?? 'unknown');
    await this.limits.consume('resetRequestPerEmail', normalized);
    const account = await this.dataSource
      .getRepository(AccountEntity)
      .findOneBy({ emailNormalized: normalized });
    if (!account) return;
    await this.dataSource.transaction(async (manager) => {
      const token = await this.tokens.issueLink(
        account.id,
        'PASSWORD_RESET',
        RESET_TTL_MS,
        null,
        manager,
      );
      await this.events.emit(manager, {
        type: 'password.reset_requested',
        caller,
        accountId: account.id,
        data: { account, link: this.delivery.link('/reset-password', token) },
      });
    });
  }

  /** Sets the new password and signs out every session, in one transaction with the token. */
  async reset(caller: Caller, token: string, newPassword: string): Promise<void> {
    await this.limits.consume('tokenAttemptPerIp', caller.client.ip ?? 'unknown');
    const pending =
      token && token.length <= 128 ? await this.tokens.peekLink(token, 'PASSWORD_RESET') : null;
    if (!pending) throw badUserInput({ token: 'LINK_INVALID' });
    const account = await this.dataSource
      .getRepository(AccountEntity)
      .findOneByOrFail({ id: pending.accountId });
    const problem = passwordPolicyProblem(newPassword, await this.policyContext(account));
    if (problem) throw badUserInput({ newPassword: problem });
    const passwordHash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.tokens.redeemLink(manager, token, ['PASSWORD_RESET'])))
        throw badUserInput({ token: 'LINK_INVALID' });
      await manager
        .getRepository(AccountEntity)
        .update({ id: account.id }, { passwordHash, updatedAt: new Date() });
      await this.events.emit(manager, {
        type: 'password.reset',
        caller,
        accountId: account.id,
        data: { account },
      });
      await this.sessions.revokeAllWithin(manager, caller, account.id, 'PASSWORD_RESET', {
        consequenceOf: 'password.reset',
      });
    });
  }

  /** The words the password must not be made of: the person's and their organizations' names. */
  private async policyContext(account: AccountEntity): Promise<PasswordContext> {
    const organizations = await this.dataSource
      .getRepository(OrganizationEntity)
      .createQueryBuilder('o')
      .innerJoin(TeamMemberEntity, 'm', 'm.organization_id = o.id')
      .where('m.account_id = :accountId', { accountId: account.id })
      .select('o.name', 'name')
      .getRawMany<{ name: string }>();
    return {
      email: account.email,
      fullName: account.fullName,
      organizationNames: organizations.map(({ name }) => name),
    };
  }
}
