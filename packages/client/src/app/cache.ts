import { InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { possibleTypes } from '../generated/graphql';

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
    },
  });
}
