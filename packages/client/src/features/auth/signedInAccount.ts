import type { ApolloCache } from '@apollo/client';
import { MeDocument, type AccountFieldsFragment } from '../../generated/graphql';

/**
 * Puts the account a sign-in returned where `useMeQuery` reads it. The route guards watch that
 * query, so this alone moves the person into the app (or out of it, with `null`).
 */
export function writeSignedInAccount(cache: ApolloCache, account: AccountFieldsFragment | null) {
  cache.writeQuery({ query: MeDocument, data: { me: account } });
}
