import type { ApolloCache } from '@apollo/client';
import { MySessionsDocument, type SessionFieldsFragment } from '../../generated/graphql';

/**
 * Keeps the cached `mySessions` list in step with what happened, so the Devices list follows
 * without a refetch. Each helper leaves the cache alone when the list was never loaded.
 */
function updateSessionList(
  cache: ApolloCache,
  update: (sessions: ReadonlyArray<SessionFieldsFragment>) => SessionFieldsFragment[] | null,
): void {
  cache.updateQuery({ query: MySessionsDocument }, (data) => {
    if (!data) return undefined;
    const mySessions = update(data.mySessions);
    return mySessions ? { mySessions } : undefined;
  });
}

/** A device signed in: it is the most recently active, so it goes first. */
export function addSessionToList(cache: ApolloCache, session: SessionFieldsFragment): void {
  updateSessionList(cache, (sessions) =>
    sessions.some((listed) => listed.id === session.id) ? null : [session, ...sessions],
  );
}

/** A device was signed out. Idempotent: the mutation and the live event both call it. */
export function removeSessionFromList(cache: ApolloCache, sessionId: string): void {
  updateSessionList(cache, (sessions) =>
    sessions.some((listed) => listed.id === sessionId)
      ? sessions.filter((listed) => listed.id !== sessionId)
      : null,
  );
}

/** Every other device was signed out. */
export function keepOnlyCurrentSession(cache: ApolloCache): void {
  updateSessionList(cache, (sessions) => sessions.filter((listed) => listed.current));
}
