import { useEffect, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/Field';
import { FormAlert } from '../../components/FormAlert';
import { useCompleteMfaChallengeMutation } from '../../generated/graphql';
import { useFormFields } from '../../lib/useFormFields';
import { writeSignedInAccount } from './signedInAccount';

interface MfaCodeStepProps {
  challengeId: string;
  /** The challenge is over (expired, used): the person starts again with the password. */
  onExpired(): void;
  onBack(): void;
}

/** The second step of a log-in with two-factor on: a code from the app or a backup code. */
export function MfaCodeStep({ challengeId, onExpired, onBack }: MfaCodeStepProps) {
  const { t } = useTranslation();
  const form = useFormFields({ code: '' });
  const { values } = form;

  // As with the password step, the account landing in the cache moves the person on.
  const [completeMfaChallenge, { loading }] = useCompleteMfaChallengeMutation({
    update(cache, { data }) {
      if (data) writeSignedInAccount(cache, data.completeMfaChallenge.account);
    },
  });

  // The password step is gone; the person goes on typing in the code field.
  useEffect(() => {
    form.formRef.current?.querySelector('input')?.focus();
  }, [form.formRef]);

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

  return (
    <form ref={form.formRef} noValidate onSubmit={(event) => void handleSubmit(event)}>
      <p>{t('auth.mfa.intro')}</p>
      <FormAlert message={form.alert} />
      <TextField
        label={t('auth.mfa.code')}
        name="code"
        autoComplete="one-time-code"
        autoCapitalize="characters"
        spellCheck={false}
        required
        {...form.bind('code')}
      />
      <button type="submit" className="primary" disabled={loading}>
        {loading ? t('auth.mfa.submitting') : t('auth.mfa.submit')}
      </button>{' '}
      <button type="button" onClick={onBack} disabled={loading}>
        {t('auth.mfa.back')}
      </button>
    </form>
  );
}
