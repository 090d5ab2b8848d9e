import { generateApiKeySecret } from '../../src/modules/api-key/api-key-secret';
import { ApiKeyEntity } from '../../src/modules/api-key/api-key.entity';
import type { ApiKeyScope } from '../../src/modules/api-key/scopes';
import { randomBytes } from 'node:crypto';
import type { AtriumServer } from '../../src/app';
import { newId } from '../../src/db/columns';
import { hashToken } from '../../src/lib/tokens';
import { AccountEntity } from '../../src/modules/account/account.entity';
import { hashPassword } from '../../src/modules/auth/password';
import { DomainEntity } from '../../src/modules/domain/domain.entity';
import { InvitationEntity } from '../../src/modules/invitation/invitation.entity';
import { OrganizationEntity } from '../../src/modules/organization/organization.entity';
import { createOwnOrganization } from '../../src/modules/organization/organization.service';
import { TeamMemberEntity, type Role } from '../../src/modules/organization/team-member.entity';
import { STRONG_PASSWORD } from './actors';
import { Actor } from './graphql';
import { uniqueEmail } from './server';

export interface SeededAccount {
  accountId: string;
  email: string;
  /** Signed in with a bearer token of its own session. */
  actor: Actor;
  ownOrganizationId: string;
}

export interface SeededMember extends SeededAccount {
  memberId: string;
  role: Role;
}

export interface SeededOrganization {
  id: string;
  people: Record<string, SeededMember>;
  invitations: Record<string, { id: string; token: string; email: string }>;
  domains: Record<string, { id: string; record: { name: string; value: string } }>;
}

let passwordHash: Promise<string> | null = null;

/**
 * An account as sign-up makes it (with its own organization), written straight to the
 * database so tests can seed many quickly, and signed in through a real session.
 */
export async function seedAccount(atrium: AtriumServer, label = 'seeded'): Promise<SeededAccount> {
  passwordHash ??= hashPassword(STRONG_PASSWORD);
  const email = uniqueEmail(label);
  const now = new Date();
  const account = atrium.dataSource.getRepository(AccountEntity).create({
    id: newId(),
    email,
    emailNormalized: email,
    emailVerifiedAt: now,
    passwordHash: await passwordHash,
    fullName: `${label[0].toUpperCase()}${label.slice(1)} Person`,
    username: null,
    phone: null,
    phoneVerifiedAt: null,
    timezone: 'UTC',
    locale: 'en',
    country: null,
    status: 'ACTIVE',
    avatarVersion: null,
    mfaEnabled: false,
    createdAt: now,
    updatedAt: now,
  });
  const own = await atrium.dataSource.transaction(async (manager) => {
    await manager.insert(AccountEntity, account);
    return createOwnOrganization(manager, account);
  });
  const { token } = await atrium.dataSource.transaction((manager) =>
    atrium.services.sessions.create(manager, account.id, {
      kind: 'ANONYMOUS',
      client: { ip: null, userAgent: 'seed' },
    }),
  );
  return {
    accountId: account.id,
    email,
    actor: new Actor(atrium.url).withToken(token),
    ownOrganizationId: own.id,
  };
}

/**
 * Seeds one organization of a test's own: people by name and role, pending invitations and
 * domains. `seedOrganization(atrium).member('owner', 'OWNER').member('viewer', 'VIEWER').build()`.
 */
export class OrganizationBuilder {
  private plan = 'REAL_ESTATE';
  private anchorDay = 1;
  private readonly members: Array<[string, Role]> = [];
  private readonly invited: Array<[string, Role]> = [];
  private readonly claimed: string[] = [];

  constructor(private readonly atrium: AtriumServer) {}

  onPlan(plan: string): this {
    this.plan = plan;
    return this;
  }

  /** The day of the month its billing cycles start (at midnight in the owner's time zone). */
  cyclesStartOn(day: number): this {
    this.anchorDay = day;
    return this;
  }

  member(name: string, role: Role): this {
    this.members.push([name, role]);
    return this;
  }

  /** `count` people of one role, named `${prefix}1` … */
  many(count: number, role: Role, prefix = 'person'): this {
    for (let i = 1; i <= count; i += 1) this.member(`${prefix}${i}`, role);
    return this;
  }

  /** The five roles, each held by a person named after it (`OWNER`, `ADMIN`, …). */
  everyRole(): this {
    for (const role of ['OWNER', 'ADMIN', 'MANAGER', 'MEMBER', 'VIEWER'] as const) {
      this.member(role, role);
    }
    return this;
  }

  invitation(name: string, role: Role): this {
    this.invited.push([name, role]);
    return this;
  }

  domain(name: string): this {
    this.claimed.push(name);
    return this;
  }

  async build(): Promise<SeededOrganization> {
    const { dataSource } = this.atrium;
    const now = new Date();
    const organizationId = newId();
    await dataSource.getRepository(OrganizationEntity).insert({
      id: organizationId,
      name: `Seeded ${organizationId.slice(-6)}`,
      industry: null,
      website: null,
      plan: this.plan,
      billingAnchorDay: this.anchorDay,
      createdAt: now,
      updatedAt: now,
    });
    const people: Record<string, SeededMember> = {};
    for (const [name, role] of this.members) {
      const account = await seedAccount(this.atrium, name.toLowerCase());
      const memberId = newId();
      await dataSource.getRepository(TeamMemberEntity).insert({
        id: memberId,
        organizationId,
        accountId: account.accountId,
        role,
        createdAt: new Date(),
      });
      people[name] = { ...account, memberId, role };
    }
    const invitations: SeededOrganization['invitations'] = {};
    for (const [name, role] of this.invited) {
      const token = randomBytes(32).toString('base64url');
      const email = uniqueEmail(name.toLowerCase());
      const id = newId();
      await dataSource.getRepository(InvitationEntity).insert({
        id,
        organizationId,
        email,
        emailNormalized: email,
        role,
        status: 'PENDING',
        tokenHash: hashToken(token),
        invitedByAccountId: null,
        expiresAt: new Date(now.getTime() + 7 * 24 * 3600 * 1000),
        acceptedAt: null,
        createdAt: now,
        updatedAt: now,
      });
      invitations[name] = { id, token, email };
    }
    const domains: SeededOrganization['domains'] = {};
    for (const domain of this.claimed) {
      const id = newId();
      const token = randomBytes(16).toString('hex');
      await dataSource.getRepository(DomainEntity).insert({
        id,
        organizationId,
        domain,
        verificationToken: token,
        verifiedAt: null,
        createdAt: now,
      });
      domains[domain] = {
        id,
        record: { name: `_atrium.${domain}`, value: `atrium-verification=${token}` },
      };
    }
    return { id: organizationId, people, invitations, domains };
  }
}

export function seedOrganization(atrium: AtriumServer): OrganizationBuilder {
  return new OrganizationBuilder(atrium);
}

/** A domain name no other test has claimed. */
export function uniqueDomain(label = 'example'): string {
  return `${label}-${process.pid}-${randomBytes(4).toString('hex')}.test`;
}

/**
 * An API key written straight into the database, with a real secret, for `organizationId`:
 * for keys the API would not issue (scopes nobody may grant yet, an expiry in the past).
 * Tests of what keys may do otherwise create them with `createApiKey`.
 */
export async function seedApiKey(
  atrium: AtriumServer,
  organizationId: string,
  scopes: readonly ApiKeyScope[],
  changes: Partial<ApiKeyEntity> = {},
): Promise<{ id: string; secret: string; actor: Actor }> {
  const { secret, secretHash, prefix } = generateApiKeySecret();
  const id = newId();
  await atrium.dataSource.getRepository(ApiKeyEntity).insert({
    id,
    organizationId,
    name: 'Test key',
    prefix,
    secretHash,
    scopes: scopes.join(','),
    createdByAccountId: null,
    createdAt: new Date(),
    expiresAt: null,
    lastUsedAt: null,
    lastUsedIp: null,
    revokedAt: null,
    previousSecretHash: null,
    previousSecretExpiresAt: null,
    rolledAt: null,
    expiryNotifiedAt: null,
    ...changes,
  });
  return { id, secret, actor: new Actor(atrium.url).withToken(secret) };
}
