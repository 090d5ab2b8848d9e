import { useCallback } from 'react';
import { expectLogOut } from '../sessions/sessionEnded';
import { useLeaveSignedInApp } from './useLeaveSignedInApp';

/**
 * For a change that ends this browser's own session on the server (deactivating or deleting the
 * account): the server's echo of it (the REVOKED event, the socket's 4403 close) is expected,
 * not read as "signed out elsewhere", so the login page opens once, from here, and stays put
 * while the person signs in again. If the change fails, the session stays and so does the page.
 */
export function useEndThisSession(): (endIt: () => Promise<unknown>) => Promise<void> {
  const leave = useLeaveSignedInApp();
  return useCallback(
    async (endIt) => {
      const stayedSignedIn = expectLogOut();
      try {
        await endIt();
      } catch (error) {
        stayedSignedIn();
        throw error;
      }
      await leave();
    },
    [leave],
  );
}
