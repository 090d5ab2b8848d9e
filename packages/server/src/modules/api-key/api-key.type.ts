import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { TeamMemberAccount } from '../organization/team-member.type';
import type { ApiKeyEntity } from './api-key.entity';
import { API_KEY_SCOPES, isApiKeyScope, type ApiKeyScope } from './scopes';

export const ApiKeyScopeEnum = Object.fromEntries(
  API_KEY_SCOPES.map((scope) => [scope, scope]),
) as {
  [K in ApiKeyScope]: K;
};
registerEnumType(ApiKeyScopeEnum, {
  name: 'ApiKeyScope',
  description: 'What an API key may read or do, per resource',
});

export const ApiKeyStatusEnum = {
  ACTIVE: 'ACTIVE',
  EXPIRED: 'EXPIRED',
  REVOKED: 'REVOKED',
} as const;
export type ApiKeyStatus = keyof typeof ApiKeyStatusEnum;
registerEnumType(ApiKeyStatusEnum, { name: 'ApiKeyStatus' });

export const ApiKeyScopeUnavailableReasonEnum = {
  NOT_AVAILABLE_YET: 'NOT_AVAILABLE_YET',
  ABOVE_YOUR_ROLE: 'ABOVE_YOUR_ROLE',
} as const;
registerEnumType(ApiKeyScopeUnavailableReasonEnum, {
  name: 'ApiKeyScopeUnavailableReason',
  description: 'Why a scope cannot go on a key: nothing uses it yet, or it is beyond my role',
});

@ObjectType('ApiKeyScopeChoice', { description: 'One scope as a key creator may choose it' })
export class ApiKeyScopeChoice {
  @Field(() => ApiKeyScopeEnum)
  scope: ApiKeyScope;

  @Field(() => ApiKeyScopeUnavailableReasonEnum, {
    nullable: true,
    description: 'Null: my role may put it on a key',
  })
  unavailableReason: keyof typeof ApiKeyScopeUnavailableReasonEnum | null;
}

/** An organization's key as its admins see it: never its secret, nor the secret's hash. */
@ObjectType('ApiKey', { description: 'An organization key for internal tools' })
export class ApiKey {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field({ description: 'atr_live_ and the first characters of the secret, to tell keys apart' })
  prefix: string;

  @Field(() => [ApiKeyScopeEnum])
  scopes: ApiKeyScope[];

  @Field(() => ApiKeyStatusEnum)
  status: ApiKeyStatus;

  @Field(() => TeamMemberAccount, {
    nullable: true,
    description: 'Who created it; null once that account is gone',
  })
  createdBy: TeamMemberAccount | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'Null: it does not expire' })
  expiresAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'Updated at most once a minute' })
  lastUsedAt: Date | null;

  @Field(() => String, { nullable: true })
  lastUsedIp: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was last rolled' })
  rolledAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Until when the secret before the last roll still works; null when it does not',
  })
  previousSecretExpiresAt: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;
}

@ObjectType('CreatedApiKey', {
  description: 'A new secret: shown this once, never again. Store it like a password.',
})
export class CreatedApiKey {
  @Field(() => ApiKey)
  apiKey: ApiKey;

  @Field()
  secret: string;
}

export function toApiKey(key: ApiKeyEntity, now = new Date()): ApiKey {
  const graceLive = key.previousSecretExpiresAt && key.previousSecretExpiresAt > now;
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes.split(',').filter(isApiKeyScope),
    status: key.revokedAt
      ? 'REVOKED'
      : key.expiresAt && key.expiresAt <= now
        ? 'EXPIRED'
        : 'ACTIVE',
    createdBy: key.createdBy
      ? { id: key.createdBy.id, fullName: key.createdBy.fullName, email: key.createdBy.email }
      : null,
    createdAt: key.createdAt,
    expiresAt: key.expiresAt,
    lastUsedAt: key.lastUsedAt,
    lastUsedIp: key.lastUsedIp,
    rolledAt: key.rolledAt,
    previousSecretExpiresAt: graceLive && !key.revokedAt ? key.previousSecretExpiresAt : null,
    revokedAt: key.revokedAt,
  };
}
