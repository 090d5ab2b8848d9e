import type { ApolloCache } from '@apollo/client';
import {
  MyPasskeysDocument,
  type MyPasskeysQuery,
  type PasskeyFieldsFragment,
} from '../../generated/graphql';

/** The list after a passkey was added (at the end) or removed, without asking the server again. */
export function updatePasskeyList(
  cache: ApolloCache,
  change: (list: ReadonlyArray<PasskeyFieldsFragment>) => PasskeyFieldsFragment[],
): void {
  cache.updateQuery<MyPasskeysQuery>({ query: MyPasskeysDocument }, (data) =>
    data ? { ...data, myPasskeys: change(data.myPasskeys) } : data,
  );
}
