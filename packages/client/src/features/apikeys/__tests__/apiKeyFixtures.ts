import {
  ApiKeysOrganizationDocument,
  OrganizationApiKeysDocument,
  type ApiKeyFieldsFragment,
  type ApiKeyScope,
  type ApiKeyScopeUnavailableReason,
  type Role,
} from '../../../generated/graphql';

export const ORG_ID = 'org_1';
export const DAY_MS = 24 * 60 * 60 * 1000;

export function anApiKey(
  id: string,
  name: string,
  overrides: Partial<ApiKeyFieldsFragment> = {},
): ApiKeyFieldsFragment {
  return {
    __typename: 'ApiKey',
    id,
    name,
    prefix: `atr_live_${id.slice(-6).padStart(6, '0')}`,
    scopes: ['ORGANIZATION_READ'],
    status: 'ACTIVE',
    createdBy: {
      __typename: 'TeamMemberAccount',
      id: 'acc_me',
      fullName: 'Ada Lovelace',
      email: 'ada@example.com',
    },
    createdAt: '2025-03-10T14:05:00.000Z',
    expiresAt: null,
    lastUsedAt: null,
    lastUsedIp: null,
    rolledAt: null,
    previousSecretExpiresAt: null,
    revokedAt: null,
    ...overrides,
  };
}

/** What an OWNER or ADMIN may grant today: the scopes some operation uses. */
export const GRANTABLE: ApiKeyScope[] = ['ORGANIZATION_READ', 'MEMBERS_READ', 'MEMBERS_WRITE'];

export function scopeChoices(
  unavailable: ApiKeyScopeUnavailableReason = 'NOT_AVAILABLE_YET',
  grantable: ReadonlyArray<ApiKeyScope> = GRANTABLE,
) {
  const all: ApiKeyScope[] = [
    'ORGANIZATION_READ',
    'MEMBERS_READ',
    'MEMBERS_WRITE',
    'WEBHOOKS_READ',
    'WEBHOOKS_WRITE',
    'EVENTS_PUBLISH',
    'NOTIFICATIONS_SEND',
    'USAGE_REPORT',
    'BILLING_READ',
    'BILLING_WRITE',
    'AUDIT_READ',
  ];
  return all.map((scope) => ({
    __typename: 'ApiKeyScopeChoice' as const,
    scope,
    unavailableReason: grantable.includes(scope) ? null : unavailable,
  }));
}

/** The page's first question: the organization's name and my role in it. */
export function organizationMock(myRole: Role, organizationId = ORG_ID) {
  return {
    request: { query: ApiKeysOrganizationDocument, variables: { id: organizationId } },
    result: {
      data: {
        organization: {
          __typename: 'Organization' as const,
          id: organizationId,
          name: 'Acme',
          myRole,
        },
      },
    },
  };
}

/** The keys and the scope choices, as the API answers OWNER and ADMIN. */
export function apiKeysMock(
  apiKeys: ApiKeyFieldsFragment[],
  choices = scopeChoices(),
  organizationId = ORG_ID,
) {
  return {
    request: { query: OrganizationApiKeysDocument, variables: { id: organizationId } },
    result: {
      data: {
        organization: {
          __typename: 'Organization' as const,
          id: organizationId,
          apiKeys,
          apiKeyScopeChoices: choices,
        },
      },
    },
  };
}
