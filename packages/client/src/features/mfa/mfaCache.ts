import type { ApolloCache } from '@apollo/client';

/** Flips `mfaEnabled` on the cached account, so the section and the re-auth dialog follow. */
export function setMfaEnabled(cache: ApolloCache, accountId: string, enabled: boolean): void {
  cache.modify({
    id: cache.identify({ __typename: 'Account', id: accountId }),
    fields: { mfaEnabled: () => enabled },
  });
}
