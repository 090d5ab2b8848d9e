import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField, TextField } from '../../components/Field';
import { FormAlert } from '../../components/FormAlert';
import {
  MeDocument,
  useConfirmTotpEnrollmentMutation,
  type StartTotpEnrollmentMutation,
} from '../../generated/graphql';
import { useFormFields } from '../../lib/useFormFields';
import { useCurrentAccount } from '../auth/CurrentAccount';
import { keepOnlyCurrentSession } from '../sessions/sessionsCache';
import { groupKey } from './backupCodesFile';
import { setMfaEnabled } from './mfaCache';

type Enrollment = StartTotpEnrollmentMutation['startTotpEnrollment'];

interface EnrollmentFormProps {
  enrollment: Enrollment;
  onConfirmed(codes: ReadonlyArray<string>): void;
  onCancel(): void;
}

/** Setting up the app: scan the QR code (or type the key), then prove it with a code. */
export function EnrollmentForm({ enrollment, onConfirmed, onCancel }: EnrollmentFormProps) {
  const { t } = useTranslation();
  const account = useCurrentAccount();
  const form = useFormFields({ code: '', signOutOtherSessions: false });
  const { values, update } = form;
  const [copied, setCopied] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [confirmTotpEnrollment, { loading }] = useConfirmTotpEnrollmentMutation();

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  async function copyKey() {
    try {
      await navigator.clipboard.writeText(enrollment.secret);
      setCopied(true);
    } catch {
      // No clipboard here (permissions, old browser): the key stays selectable on the page.
    }
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!form.check(['code'])) return;
    const { signOutOtherSessions } = values;
    try {
      const { data } = await confirmTotpEnrollment({
        variables: { code: values.code.replace(/\s+/g, ''), signOutOtherSessions },
        update: (cache, { data: answer }) => {
          // No codes: another method had MFA on already, and its backup codes stay.
          const codes = answer?.confirmTotpEnrollment.codes.length ?? 0;
          if (codes > 0) setMfaEnabled(cache, account.id, true, codes);
          if (signOutOtherSessions) keepOnlyCurrentSession(cache);
        },
        // The account's methods and default follow from the server.
        refetchQueries: [MeDocument],
        awaitRefetchQueries: true,
      });
      if (data) onConfirmed(data.confirmTotpEnrollment.codes);
    } catch (error) {
      form.fail(error);
    }
  }

  return (
    <form
      ref={form.formRef}
      className="settings-form"
      aria-labelledby="mfa-setup-title"
      noValidate
      onSubmit={(event) => void handleSubmit(event)}
    >
      <h3 id="mfa-setup-title" ref={headingRef} tabIndex={-1}>
        {t('mfa.setup.title')}
      </h3>
      <ol className="mfa-steps">
        <li>
          <p>{t('mfa.setup.scan')}</p>
          <img className="qr-code" src={enrollment.qrCodeDataUrl} alt={t('mfa.setup.qrAlt')} />
        </li>
        <li>
          <p>{t('mfa.setup.manual')}</p>
          <p className="manual-key">
            <code>{groupKey(enrollment.secret)}</code>{' '}
            <button type="button" onClick={() => void copyKey()}>
              {t('mfa.setup.copy')}
            </button>
          </p>
          <p role="status" className="form-status">
            {copied && t('mfa.setup.copied')}
          </p>
        </li>
        <li>
          <FormAlert message={form.alert} />
          <TextField
            label={t('mfa.setup.code')}
            hint={t('mfa.setup.codeHint')}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            {...form.bind('code')}
          />
          <CheckboxField
            label={t('mfa.setup.signOutOthers')}
            name="signOutOtherSessions"
            checked={values.signOutOtherSessions}
            onChange={(event) => update('signOutOtherSessions', event.target.checked)}
          />
        </li>
      </ol>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={loading}>
          {loading ? t('mfa.setup.confirming') : t('mfa.setup.confirm')}
        </button>
        <button type="button" onClick={onCancel} disabled={loading}>
          {t('mfa.setup.cancel')}
        </button>
      </div>
    </form>
  );
}
