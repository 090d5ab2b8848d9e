import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { useSessionEventsSubscription } from '../../generated/graphql';
import { logInPathFor } from '../auth/nextPath';
import { useLeaveSignedInApp } from '../auth/useLeaveSignedInApp';
import { onSessionEnded, reportSessionEnded } from './sessionEnded';
import { addSessionToList, removeSessionFromList } from './sessionsCache';

/**
 * The signed-in app's one `sessionEvents` subscription, mounted once in the shell. Other
 * devices signing in or out update the cached Devices list; this device being signed out
 * elsewhere takes the person to the login page, saying why.
 */
export function SessionEventsListener() {
  const leaveSignedInApp = useLeaveSignedInApp();
  const location = useLocation();
  const currentPath = useRef('');
  useEffect(() => {
    currentPath.current = `${location.pathname}${location.search}${location.hash}`;
  }, [location]);

  useEffect(
    () =>
      onSessionEnded((cause) => {
        void leaveSignedInApp({
          notice: cause,
          logInPath: logInPathFor(currentPath.current),
        });
      }),
    [leaveSignedInApp],
  );

  useSessionEventsSubscription({
    ignoreResults: true, // nothing here renders; the cache updates below do
    // Events are applied to the cache below, on purpose: a REVOKED event for this device must
    // not be written into the cache the sign-out is clearing.
    fetchPolicy: 'no-cache',
    onData({ client, data }) {
      const event = data.data?.sessionEvents;
      if (!event) return;
      if (event.type === 'CREATED') {
        addSessionToList(client.cache, event.session);
      } else if (event.session.current) {
        reportSessionEnded(); // the server closes this socket with 4403 next
      } else {
        removeSessionFromList(client.cache, event.session.id);
      }
    },
  });

  return null;
}
