import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/Field';
import { FormAlert } from '../../components/FormAlert';
import {
  useCreateWebhookEndpointMutation,
  useUpdateWebhookEndpointMutation,
  type WebhookEndpointFieldsFragment,
  type WebhookEndpointsQuery,
} from '../../generated/graphql';
import { useFormFields } from '../../lib/useFormFields';

type EventType = WebhookEndpointsQuery['webhookEventTypes'][number];

interface EndpointDialogProps {
  organizationId: string;
  eventTypes: EventType[];
  /** The endpoint to change; a new one when absent. */
  endpoint?: WebhookEndpointFieldsFragment;
  /** After a save; `secret` is given for a new endpoint. */
  onSaved(endpoint: WebhookEndpointFieldsFragment, secret: string | null): void;
  onCancel(): void;
}

/** Adds an endpoint or changes one: URL, description, and the events it receives. */
export function EndpointDialog(props: EndpointDialogProps) {
  const { organizationId, eventTypes, endpoint, onSaved, onCancel } = props;
  const { t } = useTranslation();
  const form = useFormFields({
    url: endpoint?.url ?? '',
    description: endpoint?.description ?? '',
  });
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set(endpoint?.eventTypes ?? []));
  const [create, creating] = useCreateWebhookEndpointMutation({
    refetchQueries: ['WebhookEndpoints'],
  });
  const [update, updating] = useUpdateWebhookEndpointMutation();
  const busy = creating.loading || updating.loading;

  function toggle(name: string, on: boolean) {
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(name);
      else next.delete(name);
      return next;
    });
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const none = chosen.size === 0 ? t('webhooks.form.chooseEvents') : null;
    if (!form.check(['url'], { eventTypes: none })) return;
    const fields = {
      url: form.values.url.trim(),
      description: form.values.description.trim(),
      eventTypes: eventTypes.map((type) => type.name).filter((name) => chosen.has(name)),
    };
    try {
      if (endpoint) {
        const { data } = await update({ variables: { id: endpoint.id, input: fields } });
        if (data) onSaved(data.updateWebhookEndpoint, null);
      } else {
        const { data } = await create({ variables: { input: { organizationId, ...fields } } });
        if (data) onSaved(data.createWebhookEndpoint.endpoint, data.createWebhookEndpoint.secret);
      }
    } catch (error) {
      form.fail(error);
    }
  }

  const eventsError = form.fieldErrors.eventTypes;
  return (
    <Dialog
      title={endpoint ? t('webhooks.form.editTitle') : t('webhooks.form.addTitle')}
      onCancel={onCancel}
      busy={busy}
    >
      {() => (
        <form ref={form.formRef} noValidate onSubmit={(event) => void handleSubmit(event)}>
          <FormAlert message={form.alert} />
          <TextField
            label={t('webhooks.form.url')}
            name="url"
            type="url"
            inputMode="url"
            autoComplete="off"
            placeholder="https://example.com/webhooks/atrium"
            hint={t('webhooks.form.urlHint')}
            required
            {...form.bind('url')}
          />
          <TextField
            label={t('webhooks.form.description')}
            name="description"
            autoComplete="off"
            {...form.bind('description')}
          />
          <fieldset
            className="event-types"
            aria-invalid={eventsError ? true : undefined}
            aria-describedby={eventsError ? 'event-types-error' : undefined}
          >
            <legend>{t('webhooks.form.events')}</legend>
            {eventTypes.map((type) => (
              <div key={type.name} className="event-type">
                <div className="checkbox-row">
                  <input
                    id={`event-${type.name}`}
                    type="checkbox"
                    checked={chosen.has(type.name)}
                    onChange={(event) => toggle(type.name, event.target.checked)}
                    aria-describedby={`event-${type.name}-description`}
                  />
                  <label htmlFor={`event-${type.name}`}>
                    <code>{type.name}</code>
                  </label>
                </div>
                <p id={`event-${type.name}-description`} className="field-hint">
                  {type.description}
                </p>
                <details className="example-payload">
                  <summary>{t('webhooks.form.example')}</summary>
                  <pre>{JSON.stringify(type.examplePayload, null, 2)}</pre>
                </details>
              </div>
            ))}
            {eventsError && (
              <p id="event-types-error" className="field-error">
                {eventsError}
              </p>
            )}
          </fieldset>
          <div className="dialog-actions">
            <button type="button" onClick={onCancel} disabled={busy}>
              {t('app.cancel')}
            </button>
            <button type="submit" className="primary" disabled={busy}>
              {busy
                ? t('webhooks.form.saving')
                : endpoint
                  ? t('webhooks.form.save')
                  : t('webhooks.form.add')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
