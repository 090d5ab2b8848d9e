import type { ApolloCache, Reference } from '@apollo/client';

/** Adds a claimed domain to its organization's cached list (if that list was loaded). */
export function addDomainToOrganization(
  cache: ApolloCache,
  organizationId: string,
  domain: Reference | undefined,
): void {
  if (!domain) return;
  cache.modify({
    id: cache.identify({ __typename: 'Organization', id: organizationId }),
    fields: {
      domains: (existing: ReadonlyArray<Reference> = [], { readField }) =>
        existing.some((ref) => readField('id', ref) === readField('id', domain))
          ? existing
          : [...existing, domain],
    },
  });
}

/** Forgets a removed domain; lists that held it drop the dangling reference. */
export function removeDomainFromCache(cache: ApolloCache, domainId: string): void {
  cache.evict({ id: cache.identify({ __typename: 'Domain', id: domainId }) });
  cache.gc();
}
