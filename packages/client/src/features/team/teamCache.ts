import type { ApolloCache, Reference } from '@apollo/client';

/**
 * Keeps a cached organization's team in step after a change, so the Team page follows without
 * a refetch. Each helper leaves the cache alone when the organization was never loaded.
 */
function organizationRef(cache: ApolloCache, organizationId: string) {
  return cache.identify({ __typename: 'Organization', id: organizationId });
}

/** The members field as stored: edges are plain objects, their nodes references. */
interface CachedMembers {
  edges: ReadonlyArray<{ cursor: string; node: Reference }>;
}

/** A member was removed: off the list, and their seat is free. */
export function removeMemberFromTeam(
  cache: ApolloCache,
  organizationId: string,
  memberId: string,
): void {
  cache.modify({
    id: organizationRef(cache, organizationId),
    fields: {
      members: (existing, { readField }) => {
        const { edges } = existing as CachedMembers;
        return {
          ...(existing as CachedMembers),
          edges: edges.filter((edge) => readField('id', edge.node) !== memberId),
        };
      },
      seatsUsed: (used: number) => Math.max(0, used - 1),
    },
  });
}

/** An invitation was sent: listed as pending, and it holds a seat. */
export function addInvitationToTeam(
  cache: ApolloCache,
  organizationId: string,
  invitation: Reference,
): void {
  cache.modify({
    id: organizationRef(cache, organizationId),
    fields: {
      invitations: (existing: ReadonlyArray<Reference> = []) => [...existing, invitation],
      seatsUsed: (used: number) => used + 1,
    },
  });
}

/** An invitation was revoked: no longer pending, and its seat is free. */
export function removeInvitationFromTeam(
  cache: ApolloCache,
  organizationId: string,
  invitationId: string,
): void {
  cache.modify({
    id: organizationRef(cache, organizationId),
    fields: {
      invitations: (existing: ReadonlyArray<Reference> = [], { readField }) =>
        existing.filter((ref) => readField('id', ref) !== invitationId),
      seatsUsed: (used: number) => Math.max(0, used - 1),
    },
  });
}
