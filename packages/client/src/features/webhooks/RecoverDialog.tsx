import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/Field';
import { FormAlert } from '../../components/FormAlert';
import {
  useRecoverWebhookEndpointMutation,
  type WebhookEndpointFieldsFragment,
} from '../../generated/graphql';
import { useFormFields } from '../../lib/useFormFields';

const DAY_MS = 24 * 60 * 60 * 1000;

/** `iso` as a datetime-local value in this browser's zone (what the input shows and edits). */
function localInputValue(iso: string): string {
  const date = new Date(iso);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

interface RecoverDialogProps {
  endpoint: WebhookEndpointFieldsFragment;
  onRecovered(redelivered: number): void;
  onCancel(): void;
}

/** Turns an endpoint back on and redelivers what failed since a time the person picks. */
export function RecoverDialog({ endpoint, onRecovered, onCancel }: RecoverDialogProps) {
  const { t } = useTranslation();
  const start = endpoint.failingSince ?? new Date(Date.now() - DAY_MS).toISOString();
  const form = useFormFields({ since: localInputValue(start) });
  const [recover, { loading }] = useRecoverWebhookEndpointMutation({
    refetchQueries: ['WebhookDeliveries'],
  });

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const since = new Date(form.values.since);
    const invalid = Number.isNaN(since.getTime()) ? t('webhooks.recover.invalidTime') : null;
    if (!form.check(['since'], { since: invalid })) return;
    try {
      const { data } = await recover({
        variables: { id: endpoint.id, since: since.toISOString() },
      });
      if (data) onRecovered(data.recoverWebhookEndpoint.redelivered);
    } catch (error) {
      form.fail(error);
    }
  }

  return (
    <Dialog title={t('webhooks.recover.title')} onCancel={onCancel} busy={loading}>
      {() => (
        <form ref={form.formRef} noValidate onSubmit={(event) => void handleSubmit(event)}>
          <p>{t('webhooks.recover.body')}</p>
          <FormAlert message={form.alert} />
          <TextField
            label={t('webhooks.recover.since')}
            name="since"
            type="datetime-local"
            required
            {...form.bind('since')}
          />
          <div className="dialog-actions">
            <button type="button" onClick={onCancel} disabled={loading}>
              {t('app.cancel')}
            </button>
            <button type="submit" className="primary" disabled={loading}>
              {loading ? t('webhooks.recover.recovering') : t('webhooks.recover.confirm')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
