import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { badUserInput } from '../../graphql/errors';
import type { AccountEntity } from '../account/account.entity';
import { BackupCodeEntity } from './backup-code.entity';
import type { PersonCaller } from '../../caller/caller';
import type { DomainEvents } from '../../events/domain-events';
import type { RecentAuthentication } from '../auth/recent-auth';
import type { SessionService } from '../session/session.service';
import { MfaMethod, type CodeMethod } from './mfa-methods';
import type { Enrollment, MethodEnabled, MfaService } from './mfa.service';

/**
 * What a person does under Security → Two-factor: every step needs a recent re-authentication,
 * and each change commits with its event (the timeline entry, and for turning MFA on or off a
 * notice that cannot be turned off).
 */
export class MfaSettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mfa: MfaService,
    private readonly recentAuth: RecentAuthentication,
    private readonly sessions: SessionService,
    private readonly events: DomainEvents,
    private readonly passkeyCount: (accountId: string) => Promise<number>,
  ) {}

  /** Backup codes not used yet; 0 while MFA is off. */
  async remainingBackupCodes(account: AccountEntity): Promise<number> {
    if (!account.mfaEnabled) return 0;
    return this.dataSource
      .getRepository(BackupCodeEntity)
      .countBy({ accountId: account.id, usedAt: IsNull() });
  }

  startEnrollment({ account, session }: PersonCaller): Promise<Enrollment> {
    this.recentAuth.require(session);
    return this.mfa.startEnrollment(account);
  }

  /** Backup codes when the app turned MFA on; none (the old ones stay) when SMS already had. */
  async confirmEnrollment(
    person: PersonCaller,
    code: string,
    signOutOtherSessions: boolean,
  ): Promise<string[]> {
    const { account, session } = person;
    this.recentAuth.require(session);
    return this.dataSource.transaction(async (manager) => {
      const enabled = await this.mfa.confirmEnrollment(manager, account.id, code);
      if (signOutOtherSessions) {
        await this.sessions.revokeAllWithin(manager, person, account.id, 'REVOKED_OTHERS', {
          exceptSessionId: session.id,
          consequenceOf: enabled.firstMethod ? 'mfa.enabled' : 'mfa.method_added',
        });
      }
      await this.announce(manager, person, MfaMethod.TOTP, enabled);
      return enabled.codes;
    });
  }

  /** Text-message codes to the verified phone as a second factor (the weakest one). */
  async enableSms(person: PersonCaller): Promise<string[]> {
    const { account, session } = person;
    this.recentAuth.require(session);
    return this.dataSource.transaction(async (manager) => {
      const enabled = await this.mfa.enableSms(manager, account.id);
      await this.announce(manager, person, MfaMethod.SMS, enabled);
      return enabled.codes;
    });
  }

  /** One method off; the last one turns MFA off. */
  async disableMethod(person: PersonCaller, method: MfaMethod): Promise<void> {
    const { account, session } = person;
    if (method === MfaMethod.PASSKEY) throw badUserInput({ method: 'MFA_METHOD_NOT_REMOVABLE' });
    this.recentAuth.require(session);
    await this.dataSource.transaction(async (manager) => {
      const outcome = await this.mfa.disableMethod(manager, account.id, method as CodeMethod);
      await this.events.emit(
        manager,
        outcome === 'MFA_OFF'
          ? { type: 'mfa.disabled', caller: person, accountId: account.id, data: { account } }
          : {
              type: 'mfa.method_removed',
              caller: person,
              accountId: account.id,
              data: { account, method },
            },
      );
    });
  }

  async setDefaultMethod(person: PersonCaller, method: MfaMethod): Promise<AccountEntity> {
    const { account, session } = person;
    this.recentAuth.require(session);
    const passkeys = await this.passkeyCount(account.id);
    return this.dataSource.transaction(async (manager) => {
      const updated = await this.mfa.setDefaultMethod(manager, account.id, method, passkeys);
      await this.events.emit(manager, {
        type: 'mfa.default_method_changed',
        caller: person,
        accountId: account.id,
        data: { method },
      });
      return updated;
    });
  }

  /** MFA on (the first method), or one more method: the timeline line and the notice. */
  private async announce(
    manager: EntityManager,
    person: PersonCaller,
    method: CodeMethod,
    enabled: MethodEnabled,
  ): Promise<void> {
    const { account } = person;
    await this.events.emit(
      manager,
      enabled.firstMethod
        ? { type: 'mfa.enabled', caller: person, accountId: account.id, data: { account, method } }
        : {
            type: 'mfa.method_added',
            caller: person,
            accountId: account.id,
            data: { account, method },
          },
    );
  }

  async regenerateBackupCodes(person: PersonCaller): Promise<string[]> {
    const { account, session } = person;
    this.recentAuth.require(session);
    return this.dataSource.transaction(async (manager) => {
      const codes = await this.mfa.regenerateBackupCodes(manager, account);
      await this.events.emit(manager, {
        type: 'mfa.backup_codes_regenerated',
        caller: person,
        accountId: account.id,
        data: {},
      });
      return codes;
    });
  }

  async disable(person: PersonCaller): Promise<void> {
    const { account, session } = person;
    this.recentAuth.require(session);
    await this.dataSource.transaction(async (manager) => {
      await this.mfa.disable(manager, account);
      await this.events.emit(manager, {
        type: 'mfa.disabled',
        caller: person,
        accountId: account.id,
        data: { account },
      });
    });
  }
}
