/**
 * The one place that learns this browser's own session was ended elsewhere (another device
 * revoked it, or it expired). Three messengers report it, and whichever is first wins:
 * - the `sessionEvents` listener, on a REVOKED event for the `current` session;
 * - the graphql-ws client, when the server closes the socket (or refuses a reconnect) with 4403;
 * - any answer over HTTP that says UNAUTHENTICATED (the socket may be down: offline, asleep).
 * The signed-in app registers what to do about it; outside the app, or while the person is
 * logging out on purpose, a report means nothing and is dropped.
 */

/** The close code the server uses for a socket whose session is revoked (graphql-ws Forbidden). */
export const SESSION_REFUSED_CLOSE_CODE = 4403;

/** Why, as the login page says it: signed out by another device, or ended however it was. */
export type SessionEndCause = 'signedOutElsewhere' | 'sessionEnded';

type SessionEndedHandler = (cause: SessionEndCause) => void;

let handler: SessionEndedHandler | null = null;
let loggingOut = false;

/** Whether a graphql-ws close or error is the server refusing this browser's session. */
export function isSessionRefused(closeEventOrError: unknown): boolean {
  return (
    typeof closeEventOrError === 'object' &&
    closeEventOrError !== null &&
    'code' in closeEventOrError &&
    closeEventOrError.code === SESSION_REFUSED_CLOSE_CODE
  );
}

/** Tells the signed-in app that its session is gone. Acts once; later reports are echoes. */
export function reportSessionEnded(cause: SessionEndCause = 'signedOutElsewhere'): void {
  if (loggingOut || !handler) return;
  const endSession = handler;
  handler = null;
  endSession(cause);
}

/**
 * Registers how the signed-in app leaves when its session ends (one app, one handler).
 * Returns the unregister function, so it fits a `useEffect`.
 */
export function onSessionEnded(endSession: SessionEndedHandler): () => void {
  handler = endSession;
  loggingOut = false; // a newly signed-in app starts listening afresh
  return () => {
    if (handler === endSession) handler = null;
  };
}

/**
 * A deliberate log-out revokes this session too, and its REVOKED event or 4403 close may arrive
 * before the log-out answer; that echo must not read as "signed out from another device".
 * Returns the function to call if the log-out fails and the person stays signed in.
 */
export function expectLogOut(): () => void {
  loggingOut = true;
  return () => {
    loggingOut = false;
  };
}
