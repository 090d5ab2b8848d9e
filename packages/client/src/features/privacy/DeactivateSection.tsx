import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormAlert } from '../../components/FormAlert';
import { SectionCard } from '../../components/SectionCard';
import { useDeactivateAccountMutation } from '../../generated/graphql';
import { toApiError } from '../../lib/apiError';
import { useErrorText } from '../../lib/useErrorText';
import { useEndThisSession } from '../auth/useEndThisSession';

/** Deactivate: every device signs out (this one too); signing in again mails a reactivation link. */
export function DeactivateSection() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const endThisSession = useEndThisSession();
  const openerRef = useRef<HTMLButtonElement>(null);
  const [confirming, setConfirming] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const [deactivateAccount, { loading }] = useDeactivateAccountMutation();

  function cancel() {
    setConfirming(false);
    openerRef.current?.focus();
  }

  async function confirm() {
    setAlert(null);
    try {
      await endThisSession(() => deactivateAccount());
    } catch (error) {
      cancel();
      setAlert(errorText(toApiError(error)));
    }
  }

  return (
    <SectionCard
      titleId="deactivate-title"
      title={t('privacy.deactivateTitle')}
      description={t('privacy.deactivateIntro')}
      actions={
        <button
          ref={openerRef}
          type="button"
          aria-haspopup="dialog"
          onClick={() => setConfirming(true)}
        >
          {t('privacy.deactivate')}
        </button>
      }
    >
      <FormAlert message={alert} />
      {confirming && (
        <ConfirmDialog
          title={t('privacy.deactivateConfirmTitle')}
          body={t('privacy.deactivateConfirmBody')}
          confirmLabel={t('privacy.deactivate')}
          cancelLabel={t('app.cancel')}
          busyLabel={t('privacy.deactivating')}
          busy={loading}
          onConfirm={() => void confirm()}
          onCancel={cancel}
        />
      )}
    </SectionCard>
  );
}
