import { useState } from 'react';
import { useRemovePhoneMutation } from '../../generated/graphql';
import { toApiError } from '../../lib/apiError';
import { useErrorText } from '../../lib/useErrorText';

/**
 * Removing the verified number. The API wants a recent re-authentication, which the app's
 * re-authentication link asks for and retries; the answer updates the cached account.
 */
export function usePhoneRemoval({ onRemoved }: { onRemoved: (phone: string) => void }) {
  const errorText = useErrorText();
  const [alert, setAlert] = useState<string | null>(null);
  const [removePhone, { loading }] = useRemovePhoneMutation();

  async function remove(phone: string) {
    setAlert(null);
    try {
      await removePhone();
      onRemoved(phone);
    } catch (error) {
      setAlert(errorText(toApiError(error)));
    }
  }

  return { remove, busy: loading, alert };
}
