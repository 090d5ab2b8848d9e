import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentAccount } from '../auth/CurrentAccount';
import { PhoneCodeForm } from './PhoneCodeForm';
import { PhoneRequestForm } from './PhoneRequestForm';

type Status = { name: 'codeSent' | 'changed'; phone: string } | null;

/**
 * Profile → Phone: a new number takes two steps, the number with the password (which texts a
 * code to it) and then that code. The number changes only when the code is right.
 */
export function PhoneSection() {
  const { t } = useTranslation();
  const account = useCurrentAccount();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The number a code was texted to, while that code is awaited.
  const [pendingPhone, setPendingPhone] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>(null);

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
            {t('phone.current')} <strong>{account.phone}</strong>
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
          onCancel={() => backToRequest(null)}
        />
      )}
      <p role="status" className="form-status">
        {status && t(`phone.status.${status.name}`, { phone: status.phone })}
      </p>
    </section>
  );
}
