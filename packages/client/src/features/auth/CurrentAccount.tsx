import { createContext, useContext } from 'react';
import type { AccountFieldsFragment } from '../../generated/graphql';

export type CurrentAccount = AccountFieldsFragment;

/** Provided by RequireAuth, so pages inside it never deal with a signed-out state. */
export const CurrentAccountContext = createContext<CurrentAccount | null>(null);

export function useCurrentAccount(): CurrentAccount {
  const account = useContext(CurrentAccountContext);
  if (!account) throw new Error('useCurrentAccount must be used inside <RequireAuth>');
  return account;
}
