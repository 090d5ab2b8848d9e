import { InMemoryCache } from '@apollo/client';
import { possibleTypes } from '../generated/graphql';

/** The cache configuration shared by the app and the tests. */
export function createCache(): InMemoryCache {
  return new InMemoryCache({ possibleTypes });
}
