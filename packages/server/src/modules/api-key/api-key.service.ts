import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { requirePerson, type Caller, type PersonCaller } from '../../caller/caller';
import { newId } from '../../db/columns';
import type { DomainEvents } from '../../events/domain-events';
import { badUserInput, fail } from '../../graphql/errors';
import type { RecentAuthentication } from '../auth/recent-auth';
import { authorize, inOrganization, type OrganizationAccess } from '../organization/access';
import {
  grantableScopes,
  scopeUnavailableReason,
  type ScopeUnavailableReason,
} from '../organization/policy';
import { generateApiKeySecret } from './api-key-secret';
import { ApiKeyEntity } from './api-key.entity';
import { snapshotApiKey } from './api-key.events';
import { API_KEY_SCOPES, type ApiKeyScope } from './scopes';

const DAY_MS = 24 * 60 * 60 * 1000;
export const MAX_GRACE_SECONDS = 7 * 24 * 60 * 60;
const MAX_LIFETIME_YEARS = 10;
/** Live (unrevoked) keys per organization. */
const MAX_ACTIVE_KEYS = 100;

export interface CreateApiKeyRequest {
  organizationId: string;
  name: string;
  scopes: readonly ApiKeyScope[];
  expiresAt?: Date | null;
}

export interface IssuedApiKey {
  apiKey: ApiKeyEntity;
  /** Shown once, never stored. */
  secret: string;
}

/**
 * An organization's API keys, managed by its OWNER and ADMINs (people, not keys): create and
 * roll in sudo mode, revoke at once. Each change says what happened (api_key.created, .rolled,
 * .revoked) in its own transaction.
 */
export class ApiKeyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly recentAuth: RecentAuthentication,
    private readonly events: DomainEvents,
  ) {}

  /** Every key of the organization, newest first, with its creator. */
  async list(access: OrganizationAccess): Promise<ApiKeyEntity[]> {
    authorize(access, 'apiKey.list');
    return this.dataSource
      .getRepository(ApiKeyEntity)
      .createQueryBuilder('k')
      .leftJoinAndSelect('k.createdBy', 'a')
      .where('k.organization_id = :organizationId', { organizationId: access.organization.id })
      .orderBy('k.id', 'DESC')
      .getMany();
  }

  /** The scopes the caller's role may put on a key here. */
  grantable(access: OrganizationAccess): ApiKeyScope[] {
    authorize(access, 'apiKey.list');
    return grantableScopes(access.role);
  }

  /** Every scope, with why the caller's role may not put it on a key here (null: it may). */
  scopeChoices(
    access: OrganizationAccess,
  ): { scope: ApiKeyScope; unavailableReason: ScopeUnavailableReason | null }[] {
    authorize(access, 'apiKey.list');
    return API_KEY_SCOPES.map((scope) => ({
      scope,
      unavailableReason: scopeUnavailableReason(access.role, scope),
    }));
  }

  async create(caller: Caller, request: CreateApiKeyRequest): Promise<IssuedApiKey> {
    const scopes = [...new Set(request.scopes)];
    const expiresAt = request.expiresAt ?? null;
    checkExpiry(expiresAt);
    if (scopes.length === 0) throw badUserInput({ scopes: 'API_KEY_SCOPES_REQUIRED' });
    const issued = generateApiKeySecret();
    return inOrganization(
      this.dataSource,
      { caller, organizationId: request.organizationId, operation: 'apiKey.create' },
      async (manager, access) => {
        // Authorized by now: a key of another organization learnt NOT_FOUND, this one's FORBIDDEN.
        const person = requirePerson(caller);
        this.recentAuth.require(person.session);
        const allowed = grantableScopes(access.role);
        const beyond = scopes.find((scope) => !allowed.includes(scope));
        if (beyond) {
          throw badUserInput({
            scopes: {
              reason: 'API_KEY_SCOPE_ABOVE_ROLE',
              params: { role: access.role, scope: beyond },
            },
          });
        }
        const active = await manager.countBy(ApiKeyEntity, {
          organizationId: access.organization.id,
          revokedAt: IsNull(),
        });
        if (active >= MAX_ACTIVE_KEYS) {
          throw fail('API_KEY_LIMIT_REACHED', { params: { max: MAX_ACTIVE_KEYS } });
        }
        const apiKey = manager.create(ApiKeyEntity, {
          id: newId(),
          organizationId: access.organization.id,
          name: request.name.trim(),
          prefix: issued.prefix,
          secretHash: issued.secretHash,
          scopes: scopes.join(','),
          createdByAccountId: person.account.id,
          createdBy: person.account,
          createdAt: new Date(),
          expiresAt,
          lastUsedAt: null,
          lastUsedIp: null,
          revokedAt: null,
          previousSecretHash: null,
          previousSecretExpiresAt: null,
          rolledAt: null,
          expiryNotifiedAt: null,
        });
        const { createdBy: _creator, ...row } = apiKey;
        await manager.insert(ApiKeyEntity, row);
        await this.events.emit(manager, {
          type: 'api_key.created',
          caller: person,
          accountId: person.account.id,
          organizationId: apiKey.organizationId,
          data: { apiKey: snapshotApiKey(apiKey) },
        });
        return { apiKey, secret: issued.secret };
      },
    );
  }

  /**
   * A new secret at once; the old one keeps working for `gracePeriodSeconds` (0: it dies now).
   * Rolling again during a grace period ends the older secret's grace at once.
   */
  async roll(caller: Caller, keyId: string, gracePeriodSeconds: number): Promise<IssuedApiKey> {
    if (
      !Number.isInteger(gracePeriodSeconds) ||
      gracePeriodSeconds < 0 ||
      gracePeriodSeconds > MAX_GRACE_SECONDS
    ) {
      throw badUserInput({
        gracePeriodSeconds: {
          reason: 'API_KEY_GRACE_OUT_OF_RANGE',
          params: { maxDays: MAX_GRACE_SECONDS / 86400 },
        },
      });
    }
    const issued = generateApiKeySecret();
    return this.onKey(caller, keyId, 'apiKey.roll', async (manager, access, key, person) => {
      this.recentAuth.require(person.session);
      const now = new Date();
      if (key.revokedAt) throw fail('API_KEY_REVOKED');
      if (key.expiresAt && key.expiresAt <= now) throw fail('API_KEY_EXPIRED');
      const allowed = grantableScopes(access.role);
      if (!key.scopes.split(',').every((scope) => allowed.includes(scope as ApiKeyScope))) {
        throw fail('API_KEY_ROLL_ABOVE_ROLE', { params: { role: access.role } });
      }
      const rolled = {
        secretHash: issued.secretHash,
        prefix: issued.prefix,
        previousSecretHash: gracePeriodSeconds > 0 ? key.secretHash : null,
        previousSecretExpiresAt:
          gracePeriodSeconds > 0 ? new Date(now.getTime() + gracePeriodSeconds * 1000) : null,
        rolledAt: now,
      };
      // Conditional on the secret it read: of two racing rolls, the second changes nothing.
      const result = await manager.update(
        ApiKeyEntity,
        { id: key.id, secretHash: key.secretHash, revokedAt: IsNull() },
        rolled,
      );
      if (result.affected !== 1) throw fail('API_KEY_NOT_FOUND');
      const apiKey = Object.assign(new ApiKeyEntity(), key, rolled);
      await this.events.emit(manager, {
        type: 'api_key.rolled',
        caller: person,
        accountId: person.account.id,
        organizationId: apiKey.organizationId,
        data: { apiKey: snapshotApiKey(apiKey), gracePeriodSeconds },
      });
      return { apiKey, secret: issued.secret };
    });
  }

  /** Refused from the next request on, on every instance; revoking twice changes nothing. */
  revoke(caller: Caller, keyId: string): Promise<ApiKeyEntity> {
    return this.onKey(caller, keyId, 'apiKey.revoke', async (manager, _access, key, person) => {
      if (key.revokedAt) return key;
      const revokedAt = new Date();
      const result = await manager.update(
        ApiKeyEntity,
        { id: key.id, revokedAt: IsNull() },
        { revokedAt, previousSecretHash: null, previousSecretExpiresAt: null },
      );
      if (result.affected !== 1) {
        return manager.findOneOrFail(ApiKeyEntity, {
          where: { id: key.id },
          relations: { createdBy: true },
        });
      }
      const apiKey = Object.assign(new ApiKeyEntity(), key, {
        revokedAt,
        previousSecretHash: null,
        previousSecretExpiresAt: null,
      });
      await this.events.emit(manager, {
        type: 'api_key.revoked',
        caller: person,
        accountId: person.account.id,
        organizationId: apiKey.organizationId,
        data: { apiKey: snapshotApiKey(apiKey) },
      });
      return apiKey;
    });
  }

  /**
   * A key of an organization the person may manage keys in; to anyone else (a key of another
   * organization too) its id is NOT_FOUND.
   */
  private async onKey<T>(
    caller: Caller,
    keyId: string,
    operation: 'apiKey.roll' | 'apiKey.revoke',
    work: (
      manager: EntityManager,
      access: OrganizationAccess,
      key: ApiKeyEntity,
      person: PersonCaller,
    ) => Promise<T>,
  ): Promise<T> {
    const found = await this.dataSource
      .getRepository(ApiKeyEntity)
      .findOne({ where: { id: keyId }, select: { id: true, organizationId: true } });
    if (!found) throw fail('API_KEY_NOT_FOUND');
    return inOrganization(
      this.dataSource,
      { caller, organizationId: found.organizationId, operation, missing: 'API_KEY_NOT_FOUND' },
      async (manager, access) => {
        const person = requirePerson(caller);
        const key = await manager.findOne(ApiKeyEntity, {
          where: { id: keyId },
          relations: { createdBy: true },
        });
        if (!key) throw fail('API_KEY_NOT_FOUND');
        return work(manager, access, key, person);
      },
    );
  }
}

function checkExpiry(expiresAt: Date | null, now = Date.now()): void {
  if (!expiresAt) return;
  if (Number.isNaN(expiresAt.getTime()) || expiresAt.getTime() <= now) {
    throw badUserInput({ expiresAt: 'API_KEY_EXPIRY_IN_PAST' });
  }
  if (expiresAt.getTime() > now + MAX_LIFETIME_YEARS * 365.25 * DAY_MS) {
    throw badUserInput({
      expiresAt: { reason: 'API_KEY_EXPIRY_TOO_FAR', params: { years: MAX_LIFETIME_YEARS } },
    });
  }
}
