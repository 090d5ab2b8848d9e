import { IsNull, type DataSource } from 'typeorm';
import type { AccountEntity } from '../account/account.entity';
import { BackupCodeEntity } from './backup-code.entity';
import type { PersonCaller } from '../../caller/caller';
import type { DomainEvents } from '../../events/domain-events';
import type { RecentAuthentication } from '../auth/recent-auth';
import type { SessionService } from '../session/session.service';
import type { Enrollment, MfaService } from './mfa.service';

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

  async confirmEnrollment(
    person: PersonCaller,
    code: string,
    signOutOtherSessions: boolean,
  ): Promise<string[]> {
    const { account, session } = person;
    this.recentAuth.require(session);
    return this.dataSource.transaction(async (manager) => {
      const codes = await this.mfa.confirmEnrollment(manager, account.id, code);
      if (signOutOtherSessions) {
        await this.sessions.revokeAllWithin(manager, person, account.id, 'REVOKED_OTHERS', {
          exceptSessionId: session.id,
          consequenceOf: 'mfa.enabled',
        });
      }
      await this.events.emit(manager, {
        type: 'mfa.enabled',
        caller: person,
        accountId: account.id,
        data: { account },
      });
      return codes;
    });
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
