import { useApolloClient } from '@apollo/client/react';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { logInNoticeState, type LogInNotice } from './logInNotice';
import { writeSignedInAccount } from './signedInAccount';

interface LeaveOptions {
  /** Said on the login page, e.g. that another device signed this one out. */
  notice?: LogInNotice;
  /** The login page's `/login?next=…` address, to come back after signing in again. */
  logInPath?: string;
}

/**
 * Forgets everything cached for the account and shows the login page. Used both when the
 * person logs out and when the session ends elsewhere.
 */
export function useLeaveSignedInApp(): (options?: LeaveOptions) => Promise<void> {
  const client = useApolloClient();
  const navigate = useNavigate();
  return useCallback(
    async ({ notice, logInPath = '/login' }: LeaveOptions = {}) => {
      // clearStore drops the cache without refetching, so the current page does not flash a
      // redirect; the login page then finds `me: null` without a request.
      await client.clearStore();
      writeSignedInAccount(client.cache, null);
      await navigate(logInPath, {
        replace: true,
        state: notice ? logInNoticeState(notice) : undefined,
      });
    },
    [client, navigate],
  );
}
