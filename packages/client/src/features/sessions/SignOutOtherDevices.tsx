import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useRevokeOtherSessionsMutation } from '../../generated/graphql';
import { toApiError, type ApiError } from '../../lib/apiError';
import { keepOnlyCurrentSession } from './sessionsCache';

interface SignOutOtherDevicesProps {
  onSignedOut: (count: number) => void;
  onError: (error: ApiError) => void;
}

/** "Sign out all other devices", after the person confirms it in a dialog. */
export function SignOutOtherDevices({ onSignedOut, onError }: SignOutOtherDevicesProps) {
  const { t } = useTranslation();
  const openerRef = useRef<HTMLButtonElement>(null);
  const [confirming, setConfirming] = useState(false);
  const [revokeOtherSessions, { loading }] = useRevokeOtherSessionsMutation({
    update: (cache) => keepOnlyCurrentSession(cache),
  });

  function cancel() {
    setConfirming(false);
    openerRef.current?.focus();
  }

  async function confirm() {
    try {
      const { data } = await revokeOtherSessions();
      setConfirming(false);
      onSignedOut(data?.revokeOtherSessions ?? 0);
    } catch (error) {
      cancel();
      onError(toApiError(error));
    }
  }

  return (
    <>
      <button
        ref={openerRef}
        type="button"
        aria-haspopup="dialog"
        onClick={() => setConfirming(true)}
      >
        {t('devices.signOutOthers')}
      </button>
      {confirming && (
        <ConfirmDialog
          title={t('devices.confirmTitle')}
          body={t('devices.confirmBody')}
          confirmLabel={t('devices.confirm')}
          cancelLabel={t('devices.cancel')}
          busyLabel={t('devices.signingOut')}
          busy={loading}
          onConfirm={() => void confirm()}
          onCancel={cancel}
        />
      )}
    </>
  );
}
