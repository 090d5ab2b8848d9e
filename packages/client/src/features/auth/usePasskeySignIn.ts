import { useCallback } from 'react';
import {
  useCompletePasskeySignInMutation,
  useStartPasskeySignInMutation,
} from '../../generated/graphql';
import { getPasskey } from '../passkeys/webauthn';
import { writeSignedInAccount } from './signedInAccount';

/**
 * Signing in with a passkey: options for a new attempt, the browser's prompt (or, with
 * `autofill`, the email field's suggestions), then the answer. The account landing in the cache
 * moves the person on, as after a password.
 */
export function usePasskeySignIn(): (autofill: boolean) => Promise<void> {
  const [start] = useStartPasskeySignInMutation();
  const [complete] = useCompletePasskeySignInMutation({
    update(cache, { data }) {
      if (data) writeSignedInAccount(cache, data.completePasskeySignIn.account);
    },
  });
  return useCallback(
    async (autofill: boolean) => {
      const { data } = await start();
      if (!data) return;
      const { attemptId, options } = data.startPasskeySignIn;
      const response = await getPasskey(options, autofill);
      await complete({ variables: { input: { attemptId, response, issueToken: false } } });
    },
    [start, complete],
  );
}
