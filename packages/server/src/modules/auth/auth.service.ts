import type { DataSource } from 'typeorm';
import { newId } from '../../db/columns';
import { isUniqueViolation } from '../../db/errors';
import { AppError, badUserInput, conflict } from '../../graphql/errors';
import { AccountEntity } from '../account/account.entity';
import { createOwnOrganization } from '../organization/organization.service';
import type { ClientInfo, SessionService } from '../session/session.service';
import type { SessionEntity } from '../session/session.entity';
import type { LogInInput, SignUpInput } from './auth.types';
import {
  hashPassword,
  passwordPolicyProblem,
  verifyAgainstDummy,
  verifyPassword,
} from './password';

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
    return signedIn;
  }

  /** Unknown email and wrong password fail alike, in about the same time. */
  async logIn(input: LogInInput, client: ClientInfo): Promise<SignedIn> {
    const account = await this.dataSource
      .getRepository(AccountEntity)
      .findOneBy({ emailNormalized: normalizeEmail(input.email) });
    const valid = account
      ? await verifyPassword(account.passwordHash, input.password)
      : await verifyAgainstDummy(input.password);
    if (!account || !valid) throw invalidCredentials();
    const { session, token } = await this.sessions.create(account.id, client);
    this.sessions.announce('CREATED', session);
    return { account, session, token };
  }
}
