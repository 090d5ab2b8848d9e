import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { SectionCard } from '../../components/SectionCard';
import { StatusBadge } from '../../components/StatusBadge';
import {
  useDeleteWebhookEndpointMutation,
  useRevealWebhookSecretMutation,
  useRotateWebhookSecretMutation,
  useSendTestWebhookMutation,
  useUpdateWebhookEndpointMutation,
  type WebhookEndpointFieldsFragment,
} from '../../generated/graphql';
import { toApiError, type ApiError } from '../../lib/apiError';
import { DeliveryLog } from './DeliveryLog';
import { endpointHealth } from './health';
import { RecoverDialog } from './RecoverDialog';
import { SecretDialog } from './SecretDialog';

interface EndpointDetailsProps {
  endpoint: WebhookEndpointFieldsFragment;
  formatDateTime: (iso: string) => string;
  onEdit(): void;
  onDeleted(): void;
  onDone(message: string): void;
  onError(error: ApiError): void;
}

type Shown =
  { kind: 'secret'; secret: string; rotated: boolean } | { kind: 'recover' } | { kind: 'delete' };

/**
 * One endpoint opened: its health and actions (edit, send a test, turn off or on, recover,
 * delete), its signing secret, and the delivery log.
 */
export function EndpointDetails(props: EndpointDetailsProps) {
  const { endpoint, formatDateTime, onEdit, onDeleted, onDone, onError } = props;
  const { t } = useTranslation();
  const [shown, setShown] = useState<Shown | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [reveal, revealing] = useRevealWebhookSecretMutation({ variables: { id: endpoint.id } });
  const [rotate, rotating] = useRotateWebhookSecretMutation({
    variables: { id: endpoint.id },
    refetchQueries: ['WebhookEndpoints'],
  });
  const [sendTest, testing] = useSendTestWebhookMutation({
    variables: { id: endpoint.id },
    refetchQueries: ['WebhookDeliveries'],
  });
  const [update, updating] = useUpdateWebhookEndpointMutation();
  const [remove, removing] = useDeleteWebhookEndpointMutation({
    variables: { id: endpoint.id },
    refetchQueries: ['WebhookEndpoints'],
  });
  const health = endpointHealth(endpoint, t);
  const busy =
    revealing.loading ||
    rotating.loading ||
    testing.loading ||
    updating.loading ||
    removing.loading;

  async function run<T>(action: () => Promise<T>, after: (result: T) => void) {
    try {
      after(await action());
    } catch (error) {
      onError(toApiError(error));
    }
  }

  const close = () => {
    setShown(null);
    headingRef.current?.focus();
  };

  return (
    <>
      <SectionCard
        titleId="endpoint-title"
        title={t('webhooks.endpointTitle', { url: endpoint.url })}
        description={endpoint.description || undefined}
        headingRef={headingRef}
        summary={
          <p>
            <StatusBadge tone={health.tone}>{health.label}</StatusBadge>{' '}
            {endpoint.failingSince &&
              t('webhooks.failingSince', { time: formatDateTime(endpoint.failingSince) })}
          </p>
        }
      >
        <p className="cell-note">{endpoint.eventTypes.join(', ')}</p>
        <div className="button-row">
          <button type="button" onClick={onEdit} disabled={busy}>
            {t('webhooks.edit')}
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() => void run(sendTest, () => onDone(t('webhooks.testSent')))}
          >
            {testing.loading ? t('webhooks.sendingTest') : t('webhooks.sendTest')}
          </button>
          {endpoint.enabled ? (
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                void run(
                  () => update({ variables: { id: endpoint.id, input: { enabled: false } } }),
                  () => onDone(t('webhooks.turnedOff')),
                )
              }
            >
              {t('webhooks.turnOff')}
            </button>
          ) : (
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                void run(
                  () => update({ variables: { id: endpoint.id, input: { enabled: true } } }),
                  () => onDone(t('webhooks.turnedOn')),
                )
              }
            >
              {t('webhooks.turnOn')}
            </button>
          )}
          {(!endpoint.enabled || endpoint.failureStreak > 0) && (
            <button type="button" disabled={busy} onClick={() => setShown({ kind: 'recover' })}>
              {t('webhooks.recover.button')}
            </button>
          )}
          <button
            type="button"
            className="danger"
            disabled={busy}
            onClick={() => setShown({ kind: 'delete' })}
          >
            {t('webhooks.delete')}
          </button>
        </div>
      </SectionCard>
      <SectionCard
        titleId="secret-title"
        title={t('webhooks.secret.title')}
        description={t('webhooks.secret.intro')}
        summary={
          endpoint.previousSecretExpiresAt ? (
            <p>
              {t('webhooks.secret.overlap', {
                time: formatDateTime(endpoint.previousSecretExpiresAt),
              })}
            </p>
          ) : undefined
        }
      >
        <div className="button-row">
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void run(reveal, ({ data }) => {
                if (data)
                  setShown({ kind: 'secret', secret: data.revealWebhookSecret, rotated: false });
              })
            }
          >
            {t('webhooks.secret.reveal')}
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void run(rotate, ({ data }) => {
                if (data)
                  setShown({ kind: 'secret', secret: data.rotateWebhookSecret, rotated: true });
              })
            }
          >
            {t('webhooks.secret.rotate')}
          </button>
        </div>
      </SectionCard>
      <SectionCard
        titleId="log-title"
        title={t('webhooks.log.title')}
        description={t('webhooks.log.intro')}
      >
        <DeliveryLog
          endpointId={endpoint.id}
          formatDateTime={formatDateTime}
          onDone={onDone}
          onError={onError}
        />
      </SectionCard>
      {shown?.kind === 'secret' && (
        <SecretDialog
          title={shown.rotated ? t('webhooks.secret.rotatedTitle') : t('webhooks.secret.title')}
          body={
            shown.rotated ? t('webhooks.secret.rotatedBody') : t('webhooks.secret.revealedBody')
          }
          secret={shown.secret}
          onClose={close}
        />
      )}
      {shown?.kind === 'recover' && (
        <RecoverDialog
          endpoint={endpoint}
          onCancel={close}
          onRecovered={(count) => {
            close();
            onDone(t('webhooks.recover.done', { count }));
          }}
        />
      )}
      {shown?.kind === 'delete' && (
        <ConfirmDialog
          title={t('webhooks.deleteTitle', { url: endpoint.url })}
          body={t('webhooks.deleteBody')}
          confirmLabel={t('webhooks.delete')}
          cancelLabel={t('app.cancel')}
          busyLabel={t('webhooks.deleting')}
          busy={removing.loading}
          onCancel={close}
          onConfirm={() =>
            void run(remove, () => {
              setShown(null);
              onDeleted();
            })
          }
        />
      )}
    </>
  );
}
