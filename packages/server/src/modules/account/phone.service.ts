import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { DataSource } from 'typeorm';
import { badUserInput, fail } from '../../graphql/errors';
import type { Delivery } from '../../messaging/delivery';
import { renderSmsCode } from '../../messaging/templates';
import type { RateLimits } from '../../security/rate-limits';
import { confirmPassword } from '../auth/password';
import type { OneTimeTokenService } from '../tokens/one-time-token.service';
import type { RecentAuthentication } from '../auth/recent-auth';
import type { PersonCaller } from '../../caller/caller';
import type { DomainEvents } from '../../events/domain-events';
import { AccountEntity } from './account.entity';

const CODE_TTL_MS = 10 * 60 * 1000;

const CODE_PROBLEMS = {
  WRONG: 'CODE_INCORRECT',
  LOCKED: 'PHONE_CODE_LOCKED',
  NONE: 'PHONE_CHANGE_NOT_PENDING',
} as const;

/** Changing the phone number: an SMS code to the new number sets it. */
export class PhoneService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: OneTimeTokenService,
    private readonly delivery: Delivery,
    private readonly limits: RateLimits,
    private readonly recentAuth: RecentAuthentication,
    private readonly events: DomainEvents,
  ) {}

  async requestChange(person: PersonCaller, phone: string, password: string): Promise<void> {
    const { account, session } = person;
    const ip = person.client.ip;
    this.recentAuth.require(session);
    const parsed = phone.length <= 32 ? parsePhoneNumberFromString(phone.trim()) : undefined;
    if (!parsed?.isValid()) {
      throw badUserInput({ phone: 'PHONE_INVALID' });
    }
    await confirmPassword(account, password);
    await this.limits.consume('smsRequestPerAccount', account.id);
    await this.limits.consume('smsRequestPerIp', ip ?? 'unknown');
    await this.sendCode(account, parsed.number);
  }

  /**
   * A new code for the number waiting to be confirmed (the SMS did not arrive, or expired).
   * The password was confirmed when the change was asked for; the SMS limits apply again.
   */
  async resendCode(person: PersonCaller): Promise<void> {
    const { account } = person;
    const pending = await this.tokens.pendingPayload(account.id, 'PHONE_CHANGE');
    if (!pending) throw fail('PHONE_CHANGE_NOT_PENDING');
    await this.limits.consume('smsRequestPerAccount', account.id);
    await this.limits.consume('smsRequestPerIp', person.client.ip ?? 'unknown');
    await this.sendCode(account, pending);
  }

  /** The number waiting for its code, so the page can say where the code went. */
  pendingPhone(accountId: string): Promise<string | null> {
    return this.tokens.pendingPayload(accountId, 'PHONE_CHANGE');
  }

  /** Removes the verified number (sudo mode, as for every credential change). */
  async remove(person: PersonCaller): Promise<AccountEntity> {
    const { account, session } = person;
    this.recentAuth.require(session);
    return this.dataSource.transaction(async (manager) => {
      const accounts = manager.getRepository(AccountEntity);
      const current = await accounts.findOneByOrFail({ id: account.id });
      if (current.phone === null) return current;
      // Sign-in codes go to this number: the person turns them off first, knowingly.
      if (current.smsMfaEnabled) throw fail('PHONE_USED_FOR_MFA');
      const now = new Date();
      await accounts.update(
        { id: account.id },
        { phone: null, phoneVerifiedAt: null, updatedAt: now },
      );
      await this.events.emit(manager, {
        type: 'phone.removed',
        caller: person,
        accountId: account.id,
        data: { previousPhone: current.phone },
      });
      return accounts.findOneByOrFail({ id: account.id });
    });
  }

  private async sendCode(account: AccountEntity, e164: string): Promise<void> {
    await this.limits.consume('smsPerCountry', parsePhoneNumberFromString(e164)?.country ?? 'ZZ');
    const code = await this.tokens.issueCode(account.id, 'PHONE_CHANGE', CODE_TTL_MS, e164);
    await this.delivery.text(e164, renderSmsCode(account.locale, code));
  }

  async confirm(person: PersonCaller, code: string): Promise<AccountEntity> {
    const accountId = person.account.id;
    const trimmed = code.trim();
    if (!/^\d{6}$/.test(trimmed)) throw badUserInput({ code: 'CODE_NOT_SIX_DIGITS' });
    await this.limits.consume('codeAttemptPerAccount', accountId);
    // The attempt counts even when the code is wrong: decide inside, throw after the commit.
    const outcome = await this.dataSource.transaction(async (manager) => {
      const check = await this.tokens.redeemCode(manager, accountId, 'PHONE_CHANGE', trimmed);
      if (check.result === 'ACCEPTED' && check.payload) {
        const now = new Date();
        await manager
          .getRepository(AccountEntity)
          .update(
            { id: accountId },
            { phone: check.payload, phoneVerifiedAt: now, updatedAt: now },
          );
        await this.events.emit(manager, {
          type: 'phone.changed',
          caller: person,
          accountId,
          data: { phone: check.payload },
        });
      }
      return check.result;
    });
    if (outcome !== 'ACCEPTED') throw badUserInput({ code: CODE_PROBLEMS[outcome] });
    return this.dataSource.getRepository(AccountEntity).findOneByOrFail({ id: accountId });
  }
}
