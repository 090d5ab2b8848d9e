import type { ApolloCache } from '@apollo/client';
import { useCancelEmailChangeMutation } from '../../generated/graphql';
import { useCurrentAccount } from '../auth/CurrentAccount';

/** A change was asked for: the cached account shows the address waiting for its link. */
export function setPendingEmail(cache: ApolloCache, accountId: string, email: string | null) {
  cache.modify({
    id: cache.identify({ __typename: 'Account', id: accountId }),
    fields: { pendingEmail: () => email },
  });
}

/**
 * Cancelling the email change waiting for its link: the link stops working and the address
 * stays. The answer (the account) clears `pendingEmail` in the cache.
 */
export function usePendingEmailChange(
  accountId: string,
  {
    onCancelled,
    onError,
  }: { onCancelled: (email: string) => void; onError: (error: unknown) => void },
) {
  const account = useCurrentAccount();
  const [cancelEmailChange, { loading }] = useCancelEmailChangeMutation();

  async function cancel() {
    const email = account.pendingEmail ?? '';
    try {
      await cancelEmailChange({ update: (cache) => setPendingEmail(cache, accountId, null) });
      onCancelled(email);
    } catch (error) {
      onError(error);
    }
  }

  return { cancel, cancelling: loading };
}
