import type { ApiKeyScope } from '../../src/modules/api-key/scopes';
import { typed } from './graphql';

export interface ApiKeyFields {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  status: 'ACTIVE' | 'EXPIRED' | 'REVOKED';
  createdBy: { id: string; fullName: string; email: string } | null;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  rolledAt: string | null;
  previousSecretExpiresAt: string | null;
  revokedAt: string | null;
}

const API_KEY =
  'id name prefix scopes status createdBy { id fullName email } createdAt expiresAt lastUsedAt lastUsedIp rolledAt previousSecretExpiresAt revokedAt';

export const CreateApiKey = typed<
  { createApiKey: { apiKey: ApiKeyFields; secret: string } },
  {
    input: {
      organizationId: string;
      name: string;
      scopes: string[];
      expiresAt?: string | null;
    };
  }
>(
  `mutation CreateApiKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { ${API_KEY} } secret } }`,
);

export const RollApiKey = typed<
  { rollApiKey: { apiKey: ApiKeyFields; secret: string } },
  { input: { id: string; gracePeriodSeconds: number } }
>(
  `mutation RollApiKey($input: RollApiKeyInput!) { rollApiKey(input: $input) { apiKey { ${API_KEY} } secret } }`,
);

export const RevokeApiKey = typed<{ revokeApiKey: ApiKeyFields }, { id: string }>(
  `mutation RevokeApiKey($id: ID!) { revokeApiKey(id: $id) { ${API_KEY} } }`,
);

export const OrganizationApiKeys = typed<
  { organization: { apiKeys: ApiKeyFields[]; grantableApiKeyScopes: ApiKeyScope[] } | null },
  { id: string }
>(
  `query OrganizationApiKeys($id: ID!) { organization(id: $id) { apiKeys { ${API_KEY} } grantableApiKeyScopes } }`,
);

export const ApiKeyScopeChoices = typed<
  {
    organization: {
      apiKeyScopeChoices: { scope: ApiKeyScope; unavailableReason: string | null }[];
    } | null;
  },
  { id: string }
>(
  'query ApiKeyScopeChoices($id: ID!) { organization(id: $id) { apiKeyScopeChoices { scope unavailableReason } } }',
);

/** The `me`-equivalent of a key: its organization's name. */
export const OrganizationName = typed<{ organization: { name: string } | null }, { id: string }>(
  'query OrganizationName($id: ID!) { organization(id: $id) { name } }',
);
