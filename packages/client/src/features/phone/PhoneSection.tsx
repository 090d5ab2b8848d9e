import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormAlert } from '../../components/FormAlert';
import { usePhoneNumberFormat } from '../../lib/phoneNumber';
import { useCurrentAccount } from '../auth/CurrentAccount';
import { usePhoneRemoval } from './usePhoneRemoval';
import { PhoneCodeForm } from './PhoneCodeForm';
import { PhoneRequestForm } from './PhoneRequestForm';

type Status = { name: 'codeSent' | 'codeResent' | 'changed' | 'removed'; phone: string } | null;

/**
 * Profile → Phone: a new number takes two steps, the number with the password (which texts a
 * code to it) and then that code. The number changes only when the code is right.
 */
export function PhoneSection() {
  const { t } = useTranslation();
  const formatPhoneNumber = usePhoneNumberFormat();
  const account = useCurrentAccount();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The number a code was texted to, while that code is awaited.
  const [pendingPhone, setPendingPhone] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [confirmingRemoval, setConfirmingRemoval] = useState(false);
  const removal = usePhoneRemoval({
    onRemoved: (phone) => {
      setConfirmingRemoval(false);
      backToRequest({ name: 'removed', phone });
    },
  });

  // The form that was used gives way to the other one, so focus restarts at the heading.
  function backToRequest(next: Status) {
    setPendingPhone(null);
    setStatus(next);
    headingRef.current?.focus();
  }

  return (
    <section className="settings-section" aria-labelledby="phone-title">
      <h2 id="phone-title" ref={headingRef} tabIndex={-1}>
        {t('phone.title')}
      </h2>
      <p className="current-value">
        {account.phone ? (
          <>
            {t('phone.current')} <strong>{formatPhoneNumber(account.phone)}</strong>{' '}
            <button type="button" onClick={() => setConfirmingRemoval(true)}>
              {t('phone.remove')}
            </button>
          </>
        ) : (
          t('phone.none')
        )}
      </p>
      {pendingPhone === null ? (
        <PhoneRequestForm
          onCodeSent={(phone) => {
            setPendingPhone(phone);
            setStatus({ name: 'codeSent', phone });
          }}
        />
      ) : (
        <PhoneCodeForm
          phone={pendingPhone}
          onConfirmed={(phone) => backToRequest({ name: 'changed', phone })}
          onResent={(phone) => setStatus({ name: 'codeResent', phone })}
          onCancel={() => backToRequest(null)}
        />
      )}
      <FormAlert message={removal.alert} />
      <p role="status" className="form-status">
        {status && t(`phone.status.${status.name}`, { phone: formatPhoneNumber(status.phone) })}
      </p>
      {confirmingRemoval && account.phone && (
        <ConfirmDialog
          title={t('phone.removeTitle', { phone: formatPhoneNumber(account.phone) })}
          body={t('phone.removeBody')}
          confirmLabel={t('phone.remove')}
          cancelLabel={t('app.cancel')}
          busyLabel={t('phone.removing')}
          busy={removal.busy}
          onConfirm={() => void removal.remove(account.phone as string)}
          onCancel={() => setConfirmingRemoval(false)}
        />
      )}
    </section>
  );
}
