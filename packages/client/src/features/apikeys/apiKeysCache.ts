import type { ApolloCache, Reference } from '@apollo/client';

/** A key was created: first in its organization's cached list (newest first, as the API lists). */
export function addApiKeyToOrganization(
  cache: ApolloCache,
  organizationId: string,
  apiKey: Reference,
): void {
  cache.modify({
    id: cache.identify({ __typename: 'Organization', id: organizationId }),
    fields: {
      apiKeys: (existing: ReadonlyArray<Reference> = []) => [apiKey, ...existing],
    },
  });
}
