import { useApolloClient } from '@apollo/client/react';
import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import { useLogOutMutation } from '../../generated/graphql';
import { toApiError, type ApiError } from '../../lib/apiError';
import { writeSignedInAccount } from './signedInAccount';

/** Ends this session, forgets everything cached for the account and shows the login page. */
export function useLogOut() {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [logOutMutation, { loading }] = useLogOutMutation();
  const [error, setError] = useState<ApiError | null>(null);

  const logOut = useCallback(async () => {
    setError(null);
    try {
      await logOutMutation();
    } catch (caught) {
      const apiError = toApiError(caught);
      // An already-ended session is as good as logged out.
      if (apiError.code !== 'UNAUTHENTICATED') {
        setError(apiError);
        return;
      }
    }
    // clearStore drops the cache and its watchers without refetching, so the current page
    // does not flash a redirect; the login page then finds `me: null` without a request.
    await client.clearStore();
    writeSignedInAccount(client.cache, null);
    await navigate('/login', { replace: true });
  }, [client, logOutMutation, navigate]);

  return { logOut, loading, error };
}
