import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { PasswordField, TextField } from '../../components/Field';
import { FormAlert } from '../../components/FormAlert';
import {
  useReauthenticateMutation,
  useStartPasskeyReauthenticationMutation,
} from '../../generated/graphql';
import { toApiError } from '../../lib/apiError';
import { useErrorText } from '../../lib/useErrorText';
import { useFormFields } from '../../lib/useFormFields';
import { useCurrentAccount } from '../auth/CurrentAccount';
import { getPasskey, isCancelled, passkeysSupported } from '../passkeys/webauthn';

type Method = 'password' | 'code';

interface ReauthDialogProps {
  onConfirmed(): void;
  onCancel(): void;
}

/**
 * "Confirm it's you": the password, a code from the authenticator app (with one set up), or one
 * of the account's passkeys, which marks this session as recently confirmed so the refused
 * change can go ahead.
 */
export function ReauthDialog({ onConfirmed, onCancel }: ReauthDialogProps) {
  const { t } = useTranslation();
  const { mfaMethods } = useCurrentAccount();
  const errorText = useErrorText();
  const hasApp = mfaMethods.includes('TOTP');
  const hasPasskey = mfaMethods.includes('PASSKEY') && passkeysSupported();
  const [method, setMethod] = useState<Method>(hasApp ? 'code' : 'password');
  const form = useFormFields({ password: '', code: '' });
  const { values } = form;
  const [reauthenticate, { loading: confirming }] = useReauthenticateMutation();
  const [startPasskeyReauthentication] = useStartPasskeyReauthenticationMutation();
  const [waitingForPasskey, setWaitingForPasskey] = useState(false);
  const loading = confirming || waitingForPasskey;

  async function confirmWithPasskey() {
    form.setAlert(null);
    setWaitingForPasskey(true);
    try {
      const { data } = await startPasskeyReauthentication();
      if (!data) return;
      const passkey = await getPasskey(data.startPasskeyReauthentication);
      await reauthenticate({ variables: { input: { passkey } } });
      onConfirmed();
    } catch (error) {
      if (!isCancelled(error)) form.setAlert(errorText(toApiError(error)));
    } finally {
      setWaitingForPasskey(false);
    }
  }

  // Focus starts in the one field, and moves there again when the method changes.
  useEffect(() => {
    form.formRef.current?.querySelector('input')?.focus();
  }, [form.formRef, method]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading || !form.check([method])) return;
    const input = method === 'password' ? { password: values.password } : { code: values.code };
    try {
      await reauthenticate({ variables: { input } });
      onConfirmed();
    } catch (error) {
      form.fail(error);
    }
  }

  function switchTo(next: Method) {
    form.reset();
    setMethod(next);
  }

  return (
    <Dialog title={t('reauth.title')} onCancel={onCancel} busy={loading} describedByBody>
      {({ bodyId }) => (
        <>
          <p id={bodyId}>{t(method === 'password' ? 'reauth.bodyPassword' : 'reauth.bodyCode')}</p>
          <form ref={form.formRef} noValidate onSubmit={(event) => void handleSubmit(event)}>
            <FormAlert message={form.alert} />
            {method === 'password' ? (
              <PasswordField
                key="password"
                label={t('reauth.password')}
                name="password"
                autoComplete="current-password"
                required
                {...form.bind('password')}
              />
            ) : (
              <TextField
                key="code"
                label={t('reauth.code')}
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                required
                {...form.bind('code')}
              />
            )}
            {hasPasskey && (
              <p>
                <button
                  type="button"
                  className="link-button"
                  disabled={loading}
                  onClick={() => void confirmWithPasskey()}
                >
                  {waitingForPasskey ? t('reauth.waitingForPasskey') : t('reauth.usePasskey')}
                </button>
              </p>
            )}
            {hasApp && (
              <p>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => switchTo(method === 'password' ? 'code' : 'password')}
                >
                  {t(method === 'password' ? 'reauth.useCode' : 'reauth.usePassword')}
                </button>
              </p>
            )}
            <div className="dialog-actions">
              <button type="button" onClick={onCancel} disabled={loading}>
                {t('reauth.cancel')}
              </button>
              <button type="submit" className="primary" aria-disabled={loading || undefined}>
                {loading ? t('reauth.confirming') : t('reauth.confirm')}
              </button>
            </div>
          </form>
        </>
      )}
    </Dialog>
  );
}
