import { useCallback, useState } from 'react';
import { useLogOutMutation } from '../../generated/graphql';
import { toApiError, type ApiError } from '../../lib/apiError';
import { expectLogOut } from '../sessions/sessionEnded';
import { useLeaveSignedInApp } from './useLeaveSignedInApp';

/** Ends this session, forgets everything cached for the account and shows the login page. */
export function useLogOut() {
  const leaveSignedInApp = useLeaveSignedInApp();
  const [logOutMutation, { loading }] = useLogOutMutation();
  const [error, setError] = useState<ApiError | null>(null);

  const logOut = useCallback(async () => {
    setError(null);
    // Logging out revokes this session, and the server echoes that on the live socket.
    const stayedSignedIn = expectLogOut();
    try {
      await logOutMutation();
    } catch (caught) {
      const apiError = toApiError(caught);
      // An already-ended session is as good as logged out.
      if (apiError.code !== 'UNAUTHENTICATED') {
        stayedSignedIn();
        setError(apiError);
        return;
      }
    }
    await leaveSignedInApp();
  }, [leaveSignedInApp, logOutMutation]);

  return { logOut, loading, error };
}
