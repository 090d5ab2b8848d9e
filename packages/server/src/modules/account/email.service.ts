import { isEmail } from 'class-validator';
import type { DataSource, EntityManager } from 'typeorm';
import { isUniqueViolation } from '../../db/errors';
import { badUserInput, conflict } from '../../graphql/errors';
import type { Delivery } from '../../messaging/delivery';
import { renderMail } from '../../messaging/templates';
import type { RateLimits } from '../../security/rate-limits';
import { normalizeEmail } from '../auth/auth.service';
import { confirmPassword } from '../auth/password';
import type { OneTimeTokenService } from '../tokens/one-time-token.service';
import type { RecentAuthentication } from '../auth/recent-auth';
import type { SecurityEventService } from '../security-events/security-event.service';
import type { Authenticated, ClientInfo } from '../session/session.service';
import { AccountEntity } from './account.entity';

const LINK_TTL_MS = 24 * 60 * 60 * 1000;
const EMAIL_TAKEN = 'An account with this email already exists';
const BAD_LINK = 'This link is invalid, expired or already used';

/** Verifying an address, and changing it: only the link sent to the new address changes it. */
export class EmailService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: OneTimeTokenService,
    private readonly delivery: Delivery,
    private readonly limits: RateLimits,
    private readonly recentAuth: RecentAuthentication,
    private readonly events: SecurityEventService,
  ) {}

  /** Issues the link and queues its mail in one transaction (the caller's, when given). */
  async sendVerification(account: AccountEntity, manager?: EntityManager): Promise<void> {
    if (!manager) {
      await this.dataSource.transaction((own) => this.sendVerification(account, own));
      return;
    }
    const token = await this.tokens.issueLink(
      account.id,
      'VERIFY_EMAIL',
      LINK_TTL_MS,
      null,
      manager,
    );
    await this.delivery.mail(
      renderMail('verifyEmail', account.locale, account.email, {
        name: account.fullName,
        link: this.delivery.link('/verify-email', token),
      }),
      manager,
    );
  }

  /** Sends a new verification link; false when the address is already verified. */
  async resendVerification(account: AccountEntity, ip: string | null): Promise<boolean> {
    if (account.emailVerifiedAt) return false;
    await this.limits.consume('mailRequestPerAccount', account.id);
    await this.limits.consume('mailRequestPerIp', ip ?? 'unknown');
    await this.sendVerification(account);
    return true;
  }

  async requestChange(
    { account, session }: Authenticated,
    newEmail: string,
    password: string,
    ip: string | null,
  ): Promise<void> {
    this.recentAuth.require(session);
    const address = newEmail.trim();
    if (!isEmail(address) || address.length > 254)
      throw badUserInput({ newEmail: 'Enter a valid email address' });
    await confirmPassword(account, password);
    const normalized = normalizeEmail(address);
    if (normalized === account.emailNormalized)
      throw badUserInput({ newEmail: 'This is already your address' });
    await this.limits.consume('mailRequestPerAccount', account.id);
    await this.limits.consume('mailRequestPerIp', ip ?? 'unknown');
    const taken = await this.dataSource
      .getRepository(AccountEntity)
      .exists({ where: { emailNormalized: normalized } });
    if (taken) throw conflict(EMAIL_TAKEN, { newEmail: EMAIL_TAKEN });

    const token = await this.tokens.issueLink(account.id, 'EMAIL_CHANGE', LINK_TTL_MS, address);
    const values = { name: account.fullName, newEmail: address };
    await this.delivery.mail(
      renderMail('emailChangeVerify', account.locale, address, {
        ...values,
        link: this.delivery.link('/verify-email', token),
      }),
    );
    await this.delivery.mail(
      renderMail('emailChangeNotice', account.locale, account.email, values),
    );
  }

  /**
   * Redeems a link from /verify-email: a sign-up verification marks the address verified; an
   * email change switches to the new address. Token and account change commit together.
   */
  async confirm(token: string, client: ClientInfo): Promise<AccountEntity> {
    await this.limits.consume('tokenAttemptPerIp', client.ip ?? 'unknown');
    if (!token || token.length > 128) throw badUserInput({ token: BAD_LINK });
    try {
      return await this.dataSource.transaction(async (manager) => {
        const redeemed = await this.tokens.redeemLink(manager, token, [
          'VERIFY_EMAIL',
          'EMAIL_CHANGE',
        ]);
        if (!redeemed) throw badUserInput({ token: BAD_LINK });
        const accounts = manager.getRepository(AccountEntity);
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
        if (redeemed.purpose === 'EMAIL_CHANGE') {
          await this.events.record(redeemed.accountId, 'EMAIL_CHANGED', client, { manager });
        }
        return accounts.findOneByOrFail({ id: redeemed.accountId });
      });
    } catch (error) {
      // Someone took the address since the link was sent; the link stays unused.
      if (isUniqueViolation(error, 'uq_accounts_email_normalized'))
        throw conflict(EMAIL_TAKEN, { token: EMAIL_TAKEN });
      throw error;
    }
  }
}
