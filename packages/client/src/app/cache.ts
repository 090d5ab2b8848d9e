import { InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { possibleTypes, type TeamMemberConnection } from '../generated/graphql';

/**
 * "Show more" on the Team page: a page fetched with `after` is appended to the members already
 * cached; a first page (no `after`) replaces them, as a refetch should.
 */
function mergeMemberPages(
  existing: TeamMemberConnection | undefined,
  incoming: TeamMemberConnection,
  { args }: { args: Record<string, unknown> | null },
): TeamMemberConnection {
  if (!existing || !args?.after) return incoming;
  return { ...incoming, edges: [...existing.edges, ...incoming.edges] };
}

/** The cache configuration shared by the app and the tests. */
export function createCache(): InMemoryCache {
  return new InMemoryCache({
    possibleTypes,
    typePolicies: {
      Query: {
        fields: {
          // "Show more" appends the next page to the one list, whatever `first` was.
          mySecurityEvents: relayStylePagination(),
        },
      },
      Organization: {
        fields: {
          members: { keyArgs: false, merge: mergeMemberPages },
          // Invoices: "Show more" appends; a refetch of the first page replaces.
          invoices: relayStylePagination(),
          // The audit log: "Show more" appends; each filter is a list of its own.
          auditEvents: relayStylePagination(['filter']),
        },
      },
      // The delivery log: "Show more" appends; a refetch of the first page replaces.
      WebhookEndpoint: {
        fields: { deliveries: relayStylePagination() },
      },
    },
  });
}
