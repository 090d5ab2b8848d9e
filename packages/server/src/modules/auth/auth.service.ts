import type { DataSource } from 'typeorm';
import { newId } from '../../db/columns';
import { isUniqueViolation } from '../../db/errors';
import { AppError, badUserInput, conflict } from '../../graphql/errors';
import { AccountEntity } from '../account/account.entity';
import { createOwnOrganization } from '../organization/organization.service';
import type { EmailService } from '../account/email.service';
import type { RateLimits } from '../../security/rate-limits';
import type { ClientInfo, SessionService } from '../session/session.service';
import type { SessionEntity } from '../session/session.entity';
import type { LogInInput, SignUpInput } from './auth.types';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password';
import { passwordPolicyProblem } from './password-policy';

export interface SignedIn {
  account: AccountEntity;
  session: SessionEntity;
  token: string;
}

const EMAIL_TAKEN = 'An account with this email already exists';

export const invalidCredentials = (): AppError =>
  new AppError('UNAUTHENTICATED', 'Invalid email or password');

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly emails: EmailService,
    private readonly limits: RateLimits,
  ) {}

  /** Account, its own organization (as OWNER) and the first session, in one transaction. */
  async signUp(input: SignUpInput, client: ClientInfo, locale: string): Promise<SignedIn> {
    const email = input.email.trim();
    const problem = passwordPolicyProblem(input.password, email);
    if (problem) throw badUserInput({ password: problem });
    const emailNormalized = normalizeEmail(email);
    const repository = this.dataSource.getRepository(AccountEntity);
    if (await repository.exists({ where: { emailNormalized } })) {
      throw conflict(EMAIL_TAKEN, { email: EMAIL_TAKEN });
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
          timezone: 'UTC',
          locale,
          country: null,
          status: 'ACTIVE',
          avatarVersion: null,
          mfaEnabled: false,
          createdAt: now,
          updatedAt: now,
        });
        await manager.insert(AccountEntity, account);
        await createOwnOrganization(manager, account);
        const { session, token } = await this.sessions.create(account.id, client, manager);
        return { account, session, token };
      });
    } catch (error) {
      if (isUniqueViolation(error, 'uq_accounts_email_normalized')) {
        throw conflict(EMAIL_TAKEN, { email: EMAIL_TAKEN });
      }
      throw error;
    }
    this.sessions.announce('CREATED', signedIn.session);
    await this.emails.sendVerification(signedIn.account);
    return signedIn;
  }

  /**
   * Unknown email and wrong password fail alike, in about the same time. Every attempt counts
   * against the caller's IP; after 100 consecutive failures for an address, even the right
   * password gets the same answer (a lockout that says nothing more) until a day has passed.
   */
  async logIn(input: LogInInput, client: ClientInfo): Promise<SignedIn> {
    const emailNormalized = normalizeEmail(input.email);
    await this.limits.consume('logInPerIp', client.ip ?? 'unknown');
    const locked = await this.limits.isExhausted('logInFailuresPerAccount', emailNormalized);
    const account = locked
      ? null
      : await this.dataSource.getRepository(AccountEntity).findOneBy({ emailNormalized });
    const valid = account
      ? await verifyPassword(account.passwordHash, input.password)
      : await verifyAgainstDummy(input.password);
    if (!account || !valid) {
      await this.limits.consume('logInFailuresPerAccount', emailNormalized).catch(() => undefined);
      throw invalidCredentials();
    }
    await this.limits.reset('logInFailuresPerAccount', emailNormalized);
    const { session, token } = await this.sessions.create(account.id, client);
    this.sessions.announce('CREATED', session);
    return { account, session, token };
  }
}
