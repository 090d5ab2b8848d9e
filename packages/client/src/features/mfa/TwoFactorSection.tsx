import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormAlert } from '../../components/FormAlert';
import { SectionCard } from '../../components/SectionCard';
import { StatusBadge } from '../../components/StatusBadge';
import { useToast } from '../../components/Toast';
import {
  MeDocument,
  useDisableMfaMutation,
  useEnableSmsMfaMutation,
  useRegenerateBackupCodesMutation,
  useStartTotpEnrollmentMutation,
  type StartTotpEnrollmentMutation,
} from '../../generated/graphql';
import { toApiError } from '../../lib/apiError';
import { useErrorText } from '../../lib/useErrorText';
import { useCurrentAccount } from '../auth/CurrentAccount';
import { BackupCodesPanel } from './BackupCodesPanel';
import { DefaultMethodField } from './DefaultMethodField';
import { EnrollmentForm } from './EnrollmentForm';
import { MfaMethodList } from './MfaMethodList';
import { setMfaEnabled } from './mfaCache';

type View =
  | { step: 'overview' }
  | { step: 'enrolling'; enrollment: StartTotpEnrollmentMutation['startTotpEnrollment'] }
  | { step: 'codes'; codes: ReadonlyArray<string> };

type Status = 'enabled' | 'regenerated' | 'disabled';

/**
 * Security → Two-factor: the methods (an authenticator app, text messages, passkeys), the one
 * offered first, backup codes (shown once, when the first method turns MFA on, or made anew),
 * and turning it all off. Each change asks for sudo mode, which the re-authentication link
 * handles without anything here.
 */
export function TwoFactorSection() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const account = useCurrentAccount();
  const [view, setView] = useState<View>({ step: 'overview' });
  const toast = useToast();
  const setStatus = (status: Status) => toast(t(`mfa.status.${status}`));
  const [alert, setAlert] = useState<string | null>(null);
  const [confirmingOff, setConfirmingOff] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const turnOffRef = useRef<HTMLButtonElement>(null);

  const [startTotpEnrollment, starting] = useStartTotpEnrollmentMutation();
  const [enableSmsMfa, enablingSms] = useEnableSmsMfaMutation({
    refetchQueries: [MeDocument],
    awaitRefetchQueries: true,
  });
  const [regenerateBackupCodes, regenerating] = useRegenerateBackupCodesMutation({
    update: (cache, { data }) =>
      setMfaEnabled(cache, account.id, true, data?.regenerateBackupCodes.codes.length),
  });
  const [disableMfa, disabling] = useDisableMfaMutation({
    update: (cache) => setMfaEnabled(cache, account.id, false),
  });

  function fail(error: unknown) {
    setAlert(errorText(toApiError(error)));
  }

  function changed(message: string) {
    setAlert(null);
    toast(message);
  }

  /** After a method went on: the backup codes when it turned MFA on, else back to the list. */
  function methodOn(codes: ReadonlyArray<string>, message: string) {
    toast(message);
    if (codes.length > 0) setView({ step: 'codes', codes });
    else backToOverview();
  }

  async function setUpApp() {
    setAlert(null);
    try {
      const { data } = await startTotpEnrollment();
      if (data) setView({ step: 'enrolling', enrollment: data.startTotpEnrollment });
    } catch (error) {
      fail(error);
    }
  }

  async function turnOnSms() {
    setAlert(null);
    try {
      const { data } = await enableSmsMfa();
      if (data) methodOn(data.enableSmsMfa.codes, t('mfa.methods.SMS.on'));
    } catch (error) {
      fail(error);
    }
  }

  async function regenerate() {
    setAlert(null);
    try {
      const { data } = await regenerateBackupCodes();
      if (data) setView({ step: 'codes', codes: data.regenerateBackupCodes.codes });
      setStatus('regenerated');
    } catch (error) {
      fail(error);
    }
  }

  function cancelTurnOff() {
    setConfirmingOff(false);
    turnOffRef.current?.focus();
  }

  async function turnOff() {
    setAlert(null);
    try {
      await disableMfa();
      setConfirmingOff(false);
      setStatus('disabled');
      headingRef.current?.focus();
    } catch (error) {
      cancelTurnOff();
      fail(error);
    }
  }

  function backToOverview() {
    setView({ step: 'overview' });
    headingRef.current?.focus();
  }

  const choices = account.mfaMethods.length;
  return (
    <SectionCard
      titleId="mfa-title"
      title={t('mfa.title')}
      description={t('mfa.intro')}
      headingRef={headingRef}
      summary={
        view.step === 'overview' && (
          <p className="current-value">
            {t('mfa.state')}{' '}
            {account.mfaEnabled ? (
              <StatusBadge tone="success">{t('mfa.on')}</StatusBadge>
            ) : (
              <StatusBadge tone="neutral">{t('mfa.off')}</StatusBadge>
            )}
          </p>
        )
      }
    >
      <FormAlert message={alert} />
      {view.step === 'enrolling' && (
        <EnrollmentForm
          enrollment={view.enrollment}
          onConfirmed={(codes) =>
            methodOn(codes, codes.length > 0 ? t('mfa.status.enabled') : t('mfa.methods.TOTP.on'))
          }
          onCancel={backToOverview}
        />
      )}
      {view.step === 'codes' && (
        <BackupCodesPanel codes={view.codes} email={account.email} onDone={backToOverview} />
      )}
      {view.step === 'overview' && (
        <>
          <MfaMethodList
            busy={starting.loading || enablingSms.loading}
            onSetUpApp={() => void setUpApp()}
            onTurnOnSms={() => void turnOnSms()}
            onChanged={changed}
            onFailed={setAlert}
          />
          {account.mfaEnabled && choices > 1 && (
            <DefaultMethodField onChanged={changed} onFailed={setAlert} />
          )}
          {account.mfaEnabled && (
            <p className="current-value">
              {t('mfa.backupCodesLeft', { count: account.remainingBackupCodes })}
            </p>
          )}
          {account.mfaEnabled && (
            <div className="form-actions">
              <button
                type="button"
                disabled={regenerating.loading}
                onClick={() => void regenerate()}
              >
                {regenerating.loading ? t('mfa.regenerating') : t('mfa.regenerate')}
              </button>
              <button
                ref={turnOffRef}
                type="button"
                aria-haspopup="dialog"
                onClick={() => setConfirmingOff(true)}
              >
                {t('mfa.turnOffAll')}
              </button>
            </div>
          )}
        </>
      )}
      {confirmingOff && (
        <ConfirmDialog
          title={t('mfa.confirmOff.title')}
          body={t('mfa.confirmOff.body')}
          confirmLabel={t('mfa.confirmOff.confirm')}
          cancelLabel={t('mfa.confirmOff.cancel')}
          busyLabel={t('mfa.confirmOff.busy')}
          busy={disabling.loading}
          onConfirm={() => void turnOff()}
          onCancel={cancelTurnOff}
        />
      )}
    </SectionCard>
  );
}
