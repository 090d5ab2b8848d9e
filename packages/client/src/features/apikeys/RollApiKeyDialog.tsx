import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { FormAlert } from '../../components/FormAlert';
import { useRollApiKeyMutation } from '../../generated/graphql';
import { toApiError } from '../../lib/apiError';
import { useErrorText } from '../../lib/useErrorText';
import { GRACE_CHOICES, type GraceChoice } from './expiry';
import { SecretReveal } from './SecretReveal';

interface RollApiKeyDialogProps {
  apiKey: { id: string; name: string };
  formatDateTime(iso: string): string;
  /** After the new secret was shown and the person is done with it. */
  onRolled(): void;
  onCancel(): void;
}

const GRACE_LABELS = {
  now: 'apiKeys.rollDialog.graceNow',
  '1h': 'apiKeys.rollDialog.grace1h',
  '24h': 'apiKeys.rollDialog.grace24h',
  '7d': 'apiKeys.rollDialog.grace7d',
} as const satisfies Record<GraceChoice, string>;

interface Rolled {
  secret: string;
  previousSecretExpiresAt: string | null;
}

/**
 * Rolls a key (in sudo mode): a new secret at once, the old one working for the grace chosen
 * (none when it leaked), then the new secret shown once.
 */
export function RollApiKeyDialog({
  apiKey,
  formatDateTime,
  onRolled,
  onCancel,
}: RollApiKeyDialogProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [grace, setGrace] = useState<GraceChoice>('24h');
  const [alert, setAlert] = useState<string | null>(null);
  const [rolled, setRolled] = useState<Rolled | null>(null);
  const [roll, { loading }] = useRollApiKeyMutation();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      const { data } = await roll({
        variables: { input: { id: apiKey.id, gracePeriodSeconds: GRACE_CHOICES[grace] } },
      });
      if (data) {
        setRolled({
          secret: data.rollApiKey.secret,
          previousSecretExpiresAt: data.rollApiKey.apiKey.previousSecretExpiresAt,
        });
      }
    } catch (error) {
      setAlert(errorText(toApiError(error)));
    }
  }

  if (rolled) {
    return (
      <Dialog title={t('apiKeys.secret.rolledTitle')} onCancel={onRolled}>
        {() => (
          <SecretReveal
            name={apiKey.name}
            secret={rolled.secret}
            note={
              rolled.previousSecretExpiresAt
                ? t('apiKeys.secret.oldSecretUntil', {
                    time: formatDateTime(rolled.previousSecretExpiresAt),
                  })
                : t('apiKeys.secret.oldSecretDead')
            }
            onDone={onRolled}
          />
        )}
      </Dialog>
    );
  }

  return (
    <Dialog
      title={t('apiKeys.rollDialog.title', { name: apiKey.name })}
      onCancel={onCancel}
      busy={loading}
    >
      {() => (
        <form noValidate onSubmit={(event) => void handleSubmit(event)}>
          <FormAlert message={alert} />
          <p>{t('apiKeys.rollDialog.body')}</p>
          <fieldset className="choice-list">
            <legend>{t('apiKeys.rollDialog.grace')}</legend>
            {(Object.keys(GRACE_CHOICES) as GraceChoice[]).map((choice) => (
              <label key={choice} className="choice">
                <input
                  type="radio"
                  name="grace"
                  value={choice}
                  checked={grace === choice}
                  onChange={() => setGrace(choice)}
                />
                {t(GRACE_LABELS[choice])}
              </label>
            ))}
          </fieldset>
          <div className="dialog-actions">
            <button type="button" onClick={onCancel} disabled={loading}>
              {t('app.cancel')}
            </button>
            <button type="submit" className="primary" disabled={loading}>
              {loading ? t('apiKeys.rollDialog.rolling') : t('apiKeys.rollDialog.submit')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
