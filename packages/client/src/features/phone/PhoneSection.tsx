import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EditableSection } from '../../components/SectionCard';
import { useToast } from '../../components/Toast';
import { useCurrentAccount } from '../auth/CurrentAccount';
import { PhoneCodeForm } from './PhoneCodeForm';
import { PhoneRequestForm } from './PhoneRequestForm';

/**
 * Profile → Phone: a new number takes two steps, the number with the password (which texts a
 * code to it) and then that code. The number changes only when the code is right.
 */
export function PhoneSection() {
  const { t } = useTranslation();
  const toast = useToast();
  const account = useCurrentAccount();
  // The number a code was texted to, while that code is awaited.
  const [pendingPhone, setPendingPhone] = useState<string | null>(null);
  const [codeSentTo, setCodeSentTo] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  return (
    <EditableSection
      titleId="phone-title"
      title={t('phone.title')}
      headingRef={headingRef}
      summary={
        <p className="current-value">
          {account.phone ? (
            <>
              {t('phone.current')} <strong>{account.phone}</strong>
            </>
          ) : (
            t('phone.none')
          )}
        </p>
      }
    >
      {(close) => {
        function backToSummary() {
          setPendingPhone(null);
          setCodeSentTo(null);
          close();
        }
        return (
          <>
            {pendingPhone === null ? (
              <PhoneRequestForm
                onCodeSent={(phone) => {
                  setPendingPhone(phone);
                  setCodeSentTo(phone);
                }}
                onCancel={backToSummary}
              />
            ) : (
              <PhoneCodeForm
                phone={pendingPhone}
                onConfirmed={(phone) => {
                  toast(t('phone.status.changed', { phone }));
                  backToSummary();
                }}
                onCancel={() => {
                  // Another number: back to the first step, which starts again at the heading.
                  setPendingPhone(null);
                  setCodeSentTo(null);
                  headingRef.current?.focus();
                }}
              />
            )}
            <p role="status" className="form-status">
              {codeSentTo && t('phone.status.codeSent', { phone: codeSentTo })}
            </p>
          </>
        );
      }}
    </EditableSection>
  );
}
