import type { ApolloCache } from '@apollo/client';

/**
 * Sets `mfaEnabled` on the cached account, so the section and the re-auth dialog follow, with
 * the backup codes left: a fresh set when it is turned on, none when it is off.
 */
export function setMfaEnabled(
  cache: ApolloCache,
  accountId: string,
  enabled: boolean,
  backupCodes = 0,
): void {
  cache.modify({
    id: cache.identify({ __typename: 'Account', id: accountId }),
    fields: { mfaEnabled: () => enabled, remainingBackupCodes: () => (enabled ? backupCodes : 0) },
  });
}
