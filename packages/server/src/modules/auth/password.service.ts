import { isEmail } from 'class-validator';
import type { DataSource } from 'typeorm';
import { badUserInput } from '../../graphql/errors';
import type { Delivery } from '../../messaging/delivery';
import { renderMail } from '../../messaging/templates';
import type { RateLimits } from '../../security/rate-limits';
import { AccountEntity } from '../account/account.entity';
import { OrganizationEntity } from '../organization/organization.entity';
import { TeamMemberEntity } from '../organization/team-member.entity';
import type { Authenticated, ClientInfo, SessionService } from '../session/session.service';
import type { SecurityEventService } from '../security-events/security-event.service';
import type { RecentAuthentication } from './recent-auth';
import type { OneTimeTokenService } from '../tokens/one-time-token.service';
import { normalizeEmail } from './auth.service';
import { confirmPassword, hashPassword } from './password';
import { passwordPolicyProblem, type PasswordContext } from './password-policy';

const RESET_TTL_MS = 60 * 60 * 1000;
const BAD_LINK = 'This link is invalid, expired or already used';

export class PasswordService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: OneTimeTokenService,
    private readonly sessions: SessionService,
    private readonly delivery: Delivery,
    private readonly limits: RateLimits,
    private readonly recentAuth: RecentAuthentication,
    private readonly events: SecurityEventService,
  ) {}

  async change(
    { account, session }: Authenticated,
    input: { currentPassword: string; newPassword: string; signOutOtherSessions: boolean },
    client: ClientInfo,
  ): Promise<void> {
    this.recentAuth.require(session);
    const problem = passwordPolicyProblem(input.newPassword, await this.policyContext(account));
    if (problem) throw badUserInput({ newPassword: problem });
    await confirmPassword(account, input.currentPassword, 'currentPassword');
    const passwordHash = await hashPassword(input.newPassword);
    // The notice commits with the change: a crash right after cannot lose it.
    const revoked = await this.dataSource.transaction(async (manager) => {
      await manager
        .getRepository(AccountEntity)
        .update({ id: account.id }, { passwordHash, updatedAt: new Date() });
      const others = input.signOutOtherSessions
        ? await this.sessions.revokeAllWithin(manager, account.id, 'REVOKED_OTHERS', session.id)
        : [];
      await this.events.record(account.id, 'PASSWORD_CHANGED', client, { manager });
      await this.delivery.mail(
        renderMail('passwordChanged', account.locale, account.email, { name: account.fullName }),
        manager,
      );
      return others;
    });
    this.sessions.announceRevoked(revoked);
  }

  /** Answers the same whether or not the address has an account. */
  async requestReset(email: string, ip: string | null): Promise<void> {
    const normalized = normalizeEmail(email);
    if (!isEmail(normalized) || normalized.length > 254)
      throw badUserInput({ email: 'Enter a valid email address' });
    await this.limits.consume('resetRequestPerIp', ip ?? 'unknown');
    await this.limits.consume('resetRequestPerEmail', normalized);
    const account = await this.dataSource
      .getRepository(AccountEntity)
      .findOneBy({ emailNormalized: normalized });
    if (!account) return;
    const token = await this.tokens.issueLink(account.id, 'PASSWORD_RESET', RESET_TTL_MS);
    await this.delivery.mail(
      renderMail('passwordReset', account.locale, account.email, {
        name: account.fullName,
        link: this.delivery.link('/reset-password', token),
      }),
    );
  }

  /** Sets the new password and signs out every session, in one transaction with the token. */
  async reset(token: string, newPassword: string, client: ClientInfo): Promise<void> {
    await this.limits.consume('tokenAttemptPerIp', client.ip ?? 'unknown');
    const pending =
      token && token.length <= 128 ? await this.tokens.peekLink(token, 'PASSWORD_RESET') : null;
    if (!pending) throw badUserInput({ token: BAD_LINK });
    const account = await this.dataSource
      .getRepository(AccountEntity)
      .findOneByOrFail({ id: pending.accountId });
    const problem = passwordPolicyProblem(newPassword, await this.policyContext(account));
    if (problem) throw badUserInput({ newPassword: problem });
    const passwordHash = await hashPassword(newPassword);
    const revoked = await this.dataSource.transaction(async (manager) => {
      if (!(await this.tokens.redeemLink(manager, token, ['PASSWORD_RESET'])))
        throw badUserInput({ token: BAD_LINK });
      await manager
        .getRepository(AccountEntity)
        .update({ id: account.id }, { passwordHash, updatedAt: new Date() });
      await this.events.record(account.id, 'PASSWORD_RESET', client, { manager });
      await this.delivery.mail(
        renderMail('passwordChanged', account.locale, account.email, { name: account.fullName }),
        manager,
      );
      return this.sessions.revokeAllWithin(manager, account.id, 'PASSWORD_RESET');
    });
    this.sessions.announceRevoked(revoked);
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
