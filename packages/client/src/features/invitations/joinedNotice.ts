/**
 * Said on the Team page right after accepting an invitation: which organization was joined,
 * and that the account keeps its own organization (every account has one, made at sign-up),
 * so a second entry in the organization switcher is no surprise.
 */
export interface JoinedNotice {
  joined: string;
  /** The other organizations the person belongs to, by name. */
  alsoIn: string[];
}

export function joinedNoticeState(notice: JoinedNotice): { joinedNotice: JoinedNotice } {
  return { joinedNotice: notice };
}

/** The notice in a location's state, if any; anything else there is ignored. */
export function joinedNoticeFrom(state: unknown): JoinedNotice | null {
  if (typeof state !== 'object' || state === null || !('joinedNotice' in state)) return null;
  const notice = state.joinedNotice as Partial<JoinedNotice> | null;
  return notice &&
    typeof notice.joined === 'string' &&
    Array.isArray(notice.alsoIn) &&
    notice.alsoIn.every((name) => typeof name === 'string')
    ? { joined: notice.joined, alsoIn: notice.alsoIn }
    : null;
}
