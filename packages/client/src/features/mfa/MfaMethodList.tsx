import { KeyRound, MessageSquareText, Smartphone } from 'lucide-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { StatusBadge } from '../../components/StatusBadge';
import { useDisableMfaMethodMutation, type MfaMethod } from '../../generated/graphql';
import { toApiError } from '../../lib/apiError';
import { usePhoneNumberFormat } from '../../lib/phoneNumber';
import { useErrorText } from '../../lib/useErrorText';
import { useCurrentAccount } from '../auth/CurrentAccount';

interface MfaMethodListProps {
  busy: boolean;
  onSetUpApp(): void;
  onTurnOnSms(): void;
  onChanged(message: string): void;
  onFailed(message: string): void;
}

/**
 * The second factors, one row each: an authenticator app, text messages (said plainly to be the
 * weaker choice) and passkeys (managed in their own section).
 */
export function MfaMethodList({
  busy,
  onSetUpApp,
  onTurnOnSms,
  onChanged,
  onFailed,
}: MfaMethodListProps) {
  const { t } = useTranslation();
  const account = useCurrentAccount();
  const errorText = useErrorText();
  const formatPhone = usePhoneNumberFormat();
  const [confirming, setConfirming] = useState<MfaMethod | null>(null);
  const offRefs = { TOTP: useRef<HTMLButtonElement>(null), SMS: useRef<HTMLButtonElement>(null) };
  const [disableMfaMethod, disabling] = useDisableMfaMethodMutation();
  const has = (method: MfaMethod) => account.mfaMethods.includes(method);
  const phoneVerified = Boolean(account.phone);

  async function turnOff(method: 'TOTP' | 'SMS') {
    try {
      const { data } = await disableMfaMethod({ variables: { method } });
      setConfirming(null);
      onChanged(
        data?.disableMfaMethod.mfaEnabled
          ? t(`mfa.methods.${method}.off`)
          : t('mfa.status.disabled'),
      );
    } catch (error) {
      setConfirming(null);
      offRefs[method].current?.focus();
      onFailed(errorText(toApiError(error)));
    }
  }

  const lastMethod = account.mfaMethods.filter((m) => m !== 'PASSKEY').length === 1;

  return (
    <ul className="mfa-methods">
      <li className="mfa-method">
        <Smartphone aria-hidden="true" className="mfa-method-icon" />
        <div className="mfa-method-text">
          <h3>{t('mfa.methods.TOTP.name')}</h3>
          <p>{t('mfa.methods.TOTP.description')}</p>
        </div>
        <div className="mfa-method-state">
          {has('TOTP') ? (
            <StatusBadge tone="success">{t('mfa.on')}</StatusBadge>
          ) : (
            <StatusBadge tone="neutral">{t('mfa.off')}</StatusBadge>
          )}
          {has('TOTP') ? (
            <button
              ref={offRefs.TOTP}
              type="button"
              aria-haspopup="dialog"
              aria-label={t('mfa.methods.TOTP.turnOffLabel')}
              onClick={() => setConfirming('TOTP')}
            >
              {t('mfa.turnOff')}
            </button>
          ) : (
            <button type="button" disabled={busy} onClick={onSetUpApp}>
              {t('mfa.methods.TOTP.setUp')}
            </button>
          )}
        </div>
      </li>
      <li className="mfa-method">
        <MessageSquareText aria-hidden="true" className="mfa-method-icon" />
        <div className="mfa-method-text">
          <h3>{t('mfa.methods.SMS.name')}</h3>
          <p>
            {account.phone
              ? t('mfa.methods.SMS.description', { phone: formatPhone(account.phone) })
              : t('mfa.methods.SMS.needsPhone')}{' '}
            {!account.phone && <Link to="/settings/profile">{t('mfa.methods.SMS.addPhone')}</Link>}
          </p>
          <p className="field-hint">{t('mfa.methods.SMS.weaker')}</p>
        </div>
        <div className="mfa-method-state">
          {has('SMS') ? (
            <StatusBadge tone="success">{t('mfa.on')}</StatusBadge>
          ) : (
            <StatusBadge tone="neutral">{t('mfa.off')}</StatusBadge>
          )}
          {has('SMS') ? (
            <button
              ref={offRefs.SMS}
              type="button"
              aria-haspopup="dialog"
              aria-label={t('mfa.methods.SMS.turnOffLabel')}
              onClick={() => setConfirming('SMS')}
            >
              {t('mfa.turnOff')}
            </button>
          ) : (
            <button
              type="button"
              aria-label={t('mfa.methods.SMS.turnOnLabel')}
              disabled={busy || !phoneVerified}
              onClick={onTurnOnSms}
            >
              {t('mfa.turnOn')}
            </button>
          )}
        </div>
      </li>
      <li className="mfa-method">
        <KeyRound aria-hidden="true" className="mfa-method-icon" />
        <div className="mfa-method-text">
          <h3>{t('mfa.methods.PASSKEY.name')}</h3>
          <p>{t('mfa.methods.PASSKEY.description')}</p>
        </div>
        <div className="mfa-method-state">
          {has('PASSKEY') ? (
            <StatusBadge tone="success">{t('mfa.methods.PASSKEY.some')}</StatusBadge>
          ) : (
            <StatusBadge tone="neutral">{t('mfa.methods.PASSKEY.none')}</StatusBadge>
          )}
          <a href="#passkeys-title">{t('mfa.methods.PASSKEY.manage')}</a>
        </div>
      </li>
      {confirming && confirming !== 'PASSKEY' && (
        <ConfirmDialog
          title={t(`mfa.methods.${confirming}.confirmOff`)}
          body={lastMethod ? t('mfa.confirmOff.body') : t('mfa.methods.confirmOffBody')}
          confirmLabel={t('mfa.confirmOff.confirm')}
          cancelLabel={t('mfa.confirmOff.cancel')}
          busyLabel={t('mfa.confirmOff.busy')}
          busy={disabling.loading}
          onConfirm={() => void turnOff(confirming)}
          onCancel={() => {
            const method = confirming;
            setConfirming(null);
            offRefs[method].current?.focus();
          }}
        />
      )}
    </ul>
  );
}
