import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormAlert } from '../../components/FormAlert';
import { EditableSection } from '../../components/SectionCard';
import { useToast } from '../../components/Toast';
import { usePhoneNumberFormat } from '../../lib/phoneNumber';
import { useCurrentAccount } from '../auth/CurrentAccount';
import { PhoneCodeForm } from './PhoneCodeForm';
import { PhoneRequestForm } from './PhoneRequestForm';
import { usePhoneRemoval } from './usePhoneRemoval';

type CodeStatus = { name: 'codeSent' | 'codeResent'; phone: string } | null;

/**
 * Profile → Phone: a new number takes two steps, the number with the password (which texts a
 * code to it) and then that code. The number changes only when the code is right. A verified
 * number can be removed (after confirming, and a recent sign-in).
 */
export function PhoneSection() {
  const { t } = useTranslation();
  const toast = useToast();
  const formatPhoneNumber = usePhoneNumberFormat();
  const account = useCurrentAccount();
  // The number a code was texted to, while that code is awaited.
  const [pendingPhone, setPendingPhone] = useState<string | null>(null);
  const [codeStatus, setCodeStatus] = useState<CodeStatus>(null);
  const [confirmingRemoval, setConfirmingRemoval] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const removal = usePhoneRemoval({
    onRemoved: (phone) => {
      setConfirmingRemoval(false);
      toast(t('phone.status.removed', { phone: formatPhoneNumber(phone) }));
      headingRef.current?.focus();
    },
  });

  return (
    <EditableSection
      titleId="phone-title"
      title={t('phone.title')}
      headingRef={headingRef}
      summary={
        <>
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
          <FormAlert message={removal.alert} />
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
        </>
      }
    >
      {(close) => {
        function backToSummary() {
          setPendingPhone(null);
          setCodeStatus(null);
          close();
        }
        return (
          <>
            {pendingPhone === null ? (
              <PhoneRequestForm
                onCodeSent={(phone) => {
                  setPendingPhone(phone);
                  setCodeStatus({ name: 'codeSent', phone });
                }}
                onCancel={backToSummary}
              />
            ) : (
              <PhoneCodeForm
                phone={pendingPhone}
                onConfirmed={(phone) => {
                  toast(t('phone.status.changed', { phone: formatPhoneNumber(phone) }));
                  backToSummary();
                }}
                onResent={(phone) => setCodeStatus({ name: 'codeResent', phone })}
                onCancel={() => {
                  // Another number: back to the first step, which starts again at the heading.
                  setPendingPhone(null);
                  setCodeStatus(null);
                  headingRef.current?.focus();
                }}
              />
            )}
            <p role="status" className="form-status">
              {codeStatus &&
                t(`phone.status.${codeStatus.name}`, {
                  phone: formatPhoneNumber(codeStatus.phone),
                })}
            </p>
          </>
        );
      }}
    </EditableSection>
  );
}
