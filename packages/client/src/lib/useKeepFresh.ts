import type { OperationVariables, TypedDocumentNode } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { onMutationSucceeded } from './mutationEvents';

/** How often a visible page asks again for what others may have changed. */
export const REFRESH_INTERVAL_MS = 60_000;

export interface KeepFreshOptions {
  /**
   * Mutations after which the data is out of date: their operation names, or `any` for data
   * that any change of the person's may add to (the security timeline).
   */
  afterMutations: ReadonlyArray<string> | 'any';
  intervalMs?: number;
}

/**
 * Keeps a query's data fresh when others change it (an invitee accepting, another device):
 * asks the server again when the tab comes back into view or the window regains focus, every
 * `intervalMs` while the tab is visible, and after the named mutations succeed on any page.
 * The answer goes into the cache, where the page's own query reads it. A refresh that fails
 * (offline for a moment) leaves the page as it was; one that finds the session gone ends it,
 * as every UNAUTHENTICATED answer does.
 */
export function useKeepFresh<TData, TVariables extends OperationVariables>(
  query: TypedDocumentNode<TData, TVariables>,
  variables: () => TVariables,
  { afterMutations, intervalMs = REFRESH_INTERVAL_MS }: KeepFreshOptions,
): void {
  const client = useApolloClient();
  const ask = () =>
    client.query<TData, TVariables>({ query, variables: variables(), fetchPolicy: 'network-only' });
  const refetchRef = useRef(ask);
  refetchRef.current = ask;
  const mutationsRef = useRef(afterMutations);
  mutationsRef.current = afterMutations;

  useEffect(() => {
    const refresh = () => void refetchRef.current().catch(() => undefined);
    const visible = () => document.visibilityState !== 'hidden';
    const onVisibility = () => {
      if (visible()) refresh();
    };
    window.addEventListener('focus', refresh);
    document.addEventListener('visibilitychange', onVisibility);
    const timer = window.setInterval(() => {
      if (visible()) refresh();
    }, intervalMs);
    const stopListening = onMutationSucceeded((name) => {
      const names = mutationsRef.current;
      if (names === 'any' || names.includes(name)) refresh();
    });
    return () => {
      window.removeEventListener('focus', refresh);
      document.removeEventListener('visibilitychange', onVisibility);
      window.clearInterval(timer);
      stopListening();
    };
  }, [intervalMs]);
}

/** The API's largest page. */
const MAX_PAGE_SIZE = 100;

/** How many items a refresh asks for: as many as are shown, so "Show more" pages stay. */
export function refreshPageSize(shown: number, pageSize: number): number {
  return Math.min(MAX_PAGE_SIZE, Math.max(pageSize, shown));
}
