import type { Delivery } from '../../messaging/delivery';
import { renderMail } from '../../messaging/templates';
import type { RecentAuthentication } from '../auth/recent-auth';
import type { SecurityEventService } from '../security-events/security-event.service';
import type { Authenticated, ClientInfo, SessionService } from '../session/session.service';
import type { Enrollment, MfaService } from './mfa.service';

/**
 * What a person does under Security → Two-factor: every step needs a recent re-authentication,
 * lands in the timeline, and turning MFA on or off sends a notice that cannot be turned off.
 */
export class MfaSettingsService {
  constructor(
    private readonly mfa: MfaService,
    private readonly recentAuth: RecentAuthentication,
    private readonly sessions: SessionService,
    private readonly events: SecurityEventService,
    private readonly delivery: Delivery,
  ) {}

  startEnrollment({ account, session }: Authenticated): Promise<Enrollment> {
    this.recentAuth.require(session);
    return this.mfa.startEnrollment(account);
  }

  async confirmEnrollment(
    { account, session }: Authenticated,
    code: string,
    signOutOtherSessions: boolean,
    client: ClientInfo,
  ): Promise<string[]> {
    this.recentAuth.require(session);
    const codes = await this.mfa.confirmEnrollment(account.id, code);
    if (signOutOtherSessions) await this.sessions.revokeOthers(account.id, session.id);
    await this.events.record(account.id, 'MFA_ENABLED', client);
    await this.delivery.mail(
      renderMail('mfaEnabled', account.locale, account.email, { name: account.fullName }),
    );
    return codes;
  }

  async regenerateBackupCodes(
    { account, session }: Authenticated,
    client: ClientInfo,
  ): Promise<string[]> {
    this.recentAuth.require(session);
    const codes = await this.mfa.regenerateBackupCodes(account);
    await this.events.record(account.id, 'BACKUP_CODES_REGENERATED', client);
    return codes;
  }

  async disable({ account, session }: Authenticated, client: ClientInfo): Promise<void> {
    this.recentAuth.require(session);
    await this.mfa.disable(account);
    await this.events.record(account.id, 'MFA_DISABLED', client);
    await this.delivery.mail(
      renderMail('mfaDisabled', account.locale, account.email, { name: account.fullName }),
    );
  }
}
