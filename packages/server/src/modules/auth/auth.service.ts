import type { DataSource } from 'typeorm';
import { newId } from '../../db/columns';
import { isUniqueViolation } from '../../db/errors';
import { badUserInput, fail } from '../../graphql/errors';
import { AccountEntity } from '../account/account.entity';
import { createOwnOrganization } from '../organization/organization.service';
import type { RateLimits } from '../../security/rate-limits';
import type { SessionService } from '../session/session.service';
import type { SessionEntity, SessionPrincipal } from '../session/session.entity';
import type { IssuedChallenge, MfaChallengeService } from '../mfa/mfa-challenge.service';
import type { MfaService } from '../mfa/mfa.service';
import type { PasskeyAssertionService } from '../passkey/passkey-assertion.service';
import type { AuthMethodName } from '../security-events/security-event.entity';
import type { SecurityEventService } from '../security-events/security-event.service';
import type { Caller } from '../../caller/caller';
import type { DomainEvents } from '../../events/domain-events';
import type { LogInInput, SignUpInput } from './auth.types';
import { confirmPassword, hashPassword, verifyAgainstDummy, verifyPassword } from './password';
import { normalizeEmail } from './email-address';
import { passwordPolicyProblem } from './password-policy';

export interface SignedIn {
  account: AccountEntity;
  session: SessionEntity;
  token: string;
}

/** The password was right but the account has MFA: the client owes a code for this challenge. */
export type ChallengeIssued = IssuedChallenge;

export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly limits: RateLimits,
    private readonly mfa: MfaService,
    private readonly challenges: MfaChallengeService,
    private readonly timeline: SecurityEventService,
    private readonly events: DomainEvents,
    private readonly passkeys: PasskeyAssertionService,
  ) {}

  /** Account, its own organization (as OWNER) and the first session, in one transaction. */
  async signUp(input: SignUpInput, caller: Caller, locale: string): Promise<SignedIn> {
    const email = input.email.trim();
    await this.limits.consume('signUpPerIp', caller.client.ip ?? 'unknown');
    await this.limits.consume('signUpPerEmail', normalizeEmail(email));
    // The organization created below is named after the person: the full name covers it.
    const problem = passwordPolicyProblem(input.password, { email, fullName: input.fullName });
    if (problem) throw badUserInput({ password: problem });
    const emailNormalized = normalizeEmail(email);
    const repository = this.dataSource.getRepository(AccountEntity);
    if (await repository.exists({ where: { emailNormalized } })) {
      throw fail('EMAIL_TAKEN', { fields: { email: 'EMAIL_TAKEN' } });
    }
    const passwordHash = await hashPassword(input.password);
    let signedIn: SignedIn;
    try {
      signedIn = await this.dataSource.transaction(async (manager) => {
        const now = new Date();
        const account = manager.create(AccountEntity, {
          id: newId(),
          email,
          emailNormalized,
          emailVerifiedAt: null,
          passwordHash,
          fullName: input.fullName.trim(),
          username: null,
          phone: null,
          phoneVerifiedAt: null,
          timezone: input.timezone ?? 'UTC',
          locale,
          country: null,
          status: 'ACTIVE',
          avatarVersion: null,
          mfaEnabled: false,
          totpSecret: null,
          totpPendingSecret: null,
          totpLastStep: null,
          smsMfaEnabled: false,
          mfaDefaultMethod: null,
          webauthnUserHandle: null,
          createdAt: now,
          updatedAt: now,
        });
        await manager.insert(AccountEntity, account);
        await createOwnOrganization(manager, account);
        await this.events.emit(manager, {
          type: 'account.signed_up',
          caller,
          accountId: account.id,
          data: { account },
        });
        const { session, token } = await this.sessions.create(manager, account.id, caller);
        return { account, session, token };
      });
    } catch (error) {
      if (isUniqueViolation(error, 'uq_accounts_email_normalized')) {
        throw fail('EMAIL_TAKEN', { fields: { email: 'EMAIL_TAKEN' } });
      }
      throw error;
    }
    return signedIn;
  }

  /**
   * Unknown email and wrong password fail alike, in about the same time. Every attempt counts
   * against the caller's IP. Each guess at an address is reserved before the password is
   * checked (and refunded when it was right): once 100 are spent, even the right password
   * gets the same answer (a lockout that says nothing more) until a day has passed, and 200
   * guesses sent at once still check the real hash only 100 times. With MFA on, the answer
   * is a challenge instead of a session.
   */
  async logIn(input: LogInInput, caller: Caller): Promise<SignedIn | ChallengeIssued> {
    const emailNormalized = normalizeEmail(input.email);
    await this.limits.consume('logInPerIp', caller.client.ip ?? 'unknown');
    const reserved = await this.limits.tryConsume('logInFailuresPerAccount', emailNormalized);
    const account = reserved
      ? await this.dataSource.getRepository(AccountEntity).findOneBy({ emailNormalized })
      : null;
    // Asked while the password is checked (the hash takes most of a log-in), not after it.
    const newDevice = account && this.timeline.isNewDevice(account.id, caller.client);
    newDevice?.catch(() => undefined);
    const valid = account
      ? await verifyPassword(account.passwordHash, input.password)
      : await verifyAgainstDummy(input.password);
    if (!account || !valid) {
      if (account) {
        await this.events.emit(this.dataSource.manager, {
          type: 'account.sign_in_failed',
          caller,
          accountId: account.id,
          data: {},
        });
      }
      throw fail('INVALID_CREDENTIALS');
    }
    // Only this attempt's own guess: wrong ones before it still count, so the 100 a day hold
    // even for an attacker guessing between the owner's sign-ins.
    await this.limits.refund('logInFailuresPerAccount', emailNormalized);
    await this.refuseDeactivated(account, caller);
    if (account.mfaEnabled) return this.challenges.create(account);
    return this.startSession(account, caller, 'PASSWORD', 'PASSWORD', await newDevice);
  }

  async completeMfaChallenge(challengeId: string, code: string, caller: Caller): Promise<SignedIn> {
    const { accountId, factor } = await this.challenges.complete(
      challengeId,
      code,
      caller.client.ip,
    );
    const account = await this.dataSource
      .getRepository(AccountEntity)
      .findOneByOrFail({ id: accountId });
    return this.startSession(account, caller, 'MFA', factor);
  }

  /**
   * A passkey with user verification is something the person has and something they are or
   * know: the session is multi-factor at once, with no password and no second step.
   */
  async signInWithPasskey(attemptId: string, response: unknown, caller: Caller): Promise<SignedIn> {
    const account = await this.passkeys.verifySignIn(attemptId, response, caller);
    await this.refuseDeactivated(account, caller);
    return this.startSession(account, caller, 'MFA', 'PASSKEY');
  }

  /** A deactivated account signs in only after reactivating through a mailed link. */
  private async refuseDeactivated(account: AccountEntity, caller: Caller): Promise<void> {
    if (account.status !== 'DEACTIVATED') return;
    // Only the right credential learns this, and the link goes to the account's own address.
    await this.dataSource.transaction((manager) =>
      this.events.emit(manager, {
        type: 'account.reactivation_requested',
        caller,
        accountId: account.id,
        data: { account },
      }),
    );
    throw fail('ACCOUNT_DEACTIVATED');
  }

  /**
   * Sudo mode: the password (or, with MFA, a current code, or one of the account's passkeys)
   * confirms the person is still there. With `rotateToken` the session gets a new token
   * (returned) and the old one stops working.
   */
  async reauthenticate(
    account: AccountEntity,
    session: SessionPrincipal,
    input: { password?: string | null; code?: string | null; passkey?: unknown },
    rotateToken: boolean,
  ): Promise<{ session: SessionEntity; token: string | null }> {
    await this.limits.consume('reauthAttemptPerAccount', account.id);
    if (input.passkey) {
      await this.passkeys.verifyReauthentication(account, session, input.passkey);
    } else if (input.password) {
      await confirmPassword(account, input.password);
    } else if (input.code && account.mfaEnabled) {
      if (!(await this.mfa.verifySecondFactor(account.id, input.code)))
        throw badUserInput({ code: 'CODE_INCORRECT' });
    } else {
      throw badUserInput({ password: 'PASSWORD_REQUIRED' });
    }
    return this.sessions.markReauthenticated(session, rotateToken);
  }

  /** The session, its timeline entry and (from a new device) its notice, in one transaction. */
  private async startSession(
    account: AccountEntity,
    caller: Caller,
    mfaLevel: 'PASSWORD' | 'MFA',
    method: AuthMethodName,
    newDevice?: boolean | null,
  ): Promise<SignedIn> {
    newDevice ??= await this.timeline.isNewDevice(account.id, caller.client);
    return this.dataSource.transaction(async (manager) => {
      const { session, token } = await this.sessions.create(manager, account.id, caller, mfaLevel);
      await this.events.emit(manager, {
        type: 'account.signed_in',
        caller,
        accountId: account.id,
        data: { account, session, newDevice, method },
      });
      return { account, session, token };
    });
  }
}
