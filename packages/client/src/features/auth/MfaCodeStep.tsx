import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/Field';
import { FormAlert } from '../../components/FormAlert';
import {
  useCompleteMfaChallengeMutation,
  useSendMfaSmsCodeMutation,
  type MfaMethod,
} from '../../generated/graphql';
import { toApiError } from '../../lib/apiError';
import { useErrorText } from '../../lib/useErrorText';
import { useFormFields } from '../../lib/useFormFields';
import { isCancelled } from '../passkeys/webauthn';
import { writeSignedInAccount } from './signedInAccount';
import { usePasskeySignIn } from './usePasskeySignIn';

export interface Challenge {
  challengeId: string;
  methods: ReadonlyArray<MfaMethod>;
  defaultMethod: MfaMethod;
  phoneHint?: string | null;
}

interface MfaCodeStepProps {
  challenge: Challenge;
  /** The challenge is over (expired, used): the person starts again with the password. */
  onExpired(): void;
  onBack(): void;
}

/**
 * The second step of a log-in with two-factor on: the account's default method first (a code
 * from the app, a texted code, or a passkey), the others a click away, a backup code always.
 */
export function MfaCodeStep({ challenge, onExpired, onBack }: MfaCodeStepProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { challengeId, methods } = challenge;
  const [method, setMethod] = useState<MfaMethod>(challenge.defaultMethod);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useFormFields({ code: '' });
  const { values } = form;
  const autoSent = useRef(false);
  const signInWithPasskey = usePasskeySignIn();
  const [usingPasskey, setUsingPasskey] = useState(false);

  // As with the password step, the account landing in the cache moves the person on.
  const [completeMfaChallenge, { loading }] = useCompleteMfaChallengeMutation({
    update(cache, { data }) {
      if (data) writeSignedInAccount(cache, data.completeMfaChallenge.account);
    },
  });
  const [sendMfaSmsCode, sending] = useSendMfaSmsCodeMutation();

  async function sendCode() {
    form.setAlert(null);
    try {
      const { data } = await sendMfaSmsCode({ variables: { challengeId } });
      if (data) setSentTo(data.sendMfaSmsCode.phoneHint);
    } catch (error) {
      if (form.fail(error).fieldProblems.challengeId) onExpired();
    }
  }

  // A texted code is sent once by itself when text messages are the method shown.
  useEffect(() => {
    if (method !== 'SMS' || autoSent.current) return;
    autoSent.current = true;
    void sendCode();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when SMS is first shown
  }, [method]);

  // The password step is gone; the person goes on in the first field of this one.
  useEffect(() => {
    form.formRef.current?.querySelector<HTMLElement>('input, button')?.focus();
  }, [form.formRef, method]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!form.check(['code'])) return;
    const code = values.code.trim();
    try {
      await completeMfaChallenge({
        variables: { input: { challengeId, code, issueToken: false } },
      });
    } catch (error) {
      if (form.fail(error).fieldProblems.challengeId) onExpired();
    }
  }

  async function continueWithPasskey() {
    form.setAlert(null);
    setUsingPasskey(true);
    try {
      await signInWithPasskey(false);
    } catch (error) {
      if (!isCancelled(error)) form.setAlert(errorText(toApiError(error)));
    } finally {
      setUsingPasskey(false);
    }
  }

  function switchTo(next: MfaMethod) {
    form.reset();
    setMethod(next);
  }

  const others = methods.filter((other) => other !== method);
  return (
    <form ref={form.formRef} noValidate onSubmit={(event) => void handleSubmit(event)}>
      <FormAlert message={form.alert} />
      {method === 'PASSKEY' ? (
        <>
          <p>{t('auth.mfa.introPasskey')}</p>
          <div className="form-actions">
            <button
              type="button"
              className="primary"
              disabled={usingPasskey}
              onClick={() => void continueWithPasskey()}
            >
              {usingPasskey ? t('auth.passkey.waiting') : t('auth.mfa.usePasskey')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p role={method === 'SMS' ? 'status' : undefined}>
            {method === 'SMS'
              ? sentTo
                ? t('auth.mfa.introSmsSent', { phone: sentTo })
                : t('auth.mfa.introSms', { phone: challenge.phoneHint ?? '' })
              : t('auth.mfa.intro')}
          </p>
          <TextField
            label={t('auth.mfa.code')}
            name="code"
            autoComplete="one-time-code"
            autoCapitalize="characters"
            spellCheck={false}
            required
            {...form.bind('code')}
          />
          <div className="form-actions">
            <button type="submit" className="primary" disabled={loading}>
              {loading ? t('auth.mfa.submitting') : t('auth.mfa.submit')}
            </button>
            {method === 'SMS' && (
              <button type="button" disabled={sending.loading} onClick={() => void sendCode()}>
                {sending.loading ? t('auth.mfa.sending') : t('auth.mfa.sendAgain')}
              </button>
            )}
          </div>
        </>
      )}
      {others.length > 0 && (
        <ul className="mfa-alternatives">
          {others.map((other) => (
            <li key={other}>
              <button type="button" className="link-button" onClick={() => switchTo(other)}>
                {t(`auth.mfa.switchTo.${other}`)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p>
        <button type="button" onClick={onBack} disabled={loading}>
          {t('auth.mfa.back')}
        </button>
      </p>
    </form>
  );
}
