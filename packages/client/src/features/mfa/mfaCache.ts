import type { ApolloCache } from '@apollo/client';
import type { MfaMethod } from '../../generated/graphql';

/**
 * Sets `mfaEnabled` on the cached account, so the section and the re-auth dialog follow, with
 * the backup codes left: a fresh set when it is turned on, none when it is off (and then no
 * method but passkeys, and no default).
 */
export function setMfaEnabled(
  cache: ApolloCache,
  accountId: string,
  enabled: boolean,
  backupCodes = 0,
): void {
  cache.modify({
    id: cache.identify({ __typename: 'Account', id: accountId }),
    fields: {
      mfaEnabled: () => enabled,
      remainingBackupCodes: () => (enabled ? backupCodes : 0),
      ...(enabled
        ? {}
        : {
            mfaMethods: (methods) =>
              Array.isArray(methods)
                ? (methods as MfaMethod[]).filter((method) => method === 'PASSKEY')
                : methods,
            defaultMfaMethod: () => null,
          }),
    },
  });
}

/** A first passkey added, or the last one removed: PASSKEY in the account's methods or not. */
export function setHasPasskeys(cache: ApolloCache, accountId: string, has: boolean): void {
  cache.modify({
    id: cache.identify({ __typename: 'Account', id: accountId }),
    fields: {
      mfaMethods: (methods) => {
        if (!Array.isArray(methods)) return methods;
        const others = (methods as MfaMethod[]).filter((method) => method !== 'PASSKEY');
        return has ? ['PASSKEY', ...others] : others;
      },
    },
  });
}
