import { useState } from 'react';
import { Inbox } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { Skeleton } from '../../components/Skeleton';
import { StatusBadge, type StatusTone } from '../../components/StatusBadge';
import {
  useRedeliverWebhookMutation,
  useWebhookDeliveriesQuery,
  type WebhookDeliveryFieldsFragment,
  type WebhookDeliveryStatus,
} from '../../generated/graphql';
import { toApiError, type ApiError } from '../../lib/apiError';

export const DELIVERIES_PAGE_SIZE = 20;

const STATUS_TONES: Record<WebhookDeliveryStatus, StatusTone> = {
  PENDING: 'warning',
  SUCCEEDED: 'success',
  FAILED: 'danger',
};

interface DeliveryLogProps {
  endpointId: string;
  formatDateTime: (iso: string) => string;
  onDone(message: string): void;
  onError(error: ApiError): void;
}

/** The endpoint's deliveries, newest first; each opens to its attempts and payload. */
export function DeliveryLog({ endpointId, formatDateTime, onDone, onError }: DeliveryLogProps) {
  const { t } = useTranslation();
  const { data, loading, error, fetchMore, refetch } = useWebhookDeliveriesQuery({
    variables: { id: endpointId, first: DELIVERIES_PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const deliveries = data?.webhookEndpoint?.deliveries;
  if (!deliveries) {
    return error ? (
      <button type="button" onClick={() => void refetch().catch(() => null)}>
        {t('app.retry')}
      </button>
    ) : (
      <Skeleton lines={4} />
    );
  }
  if (deliveries.edges.length === 0) {
    return (
      <EmptyState
        icon={Inbox}
        title={t('webhooks.log.none')}
        description={t('webhooks.log.noneNextStep')}
      />
    );
  }
  return (
    <>
      <div className="log-toolbar">
        <button type="button" disabled={loading} onClick={() => void refetch().catch(() => null)}>
          {t('webhooks.log.refresh')}
        </button>
      </div>
      <ol className="delivery-list">
        {deliveries.edges.map(({ node }) => (
          <DeliveryItem
            key={node.id}
            delivery={node}
            formatDateTime={formatDateTime}
            onDone={onDone}
            onError={onError}
          />
        ))}
      </ol>
      {deliveries.pageInfo.hasNextPage && (
        <button
          type="button"
          disabled={loading}
          onClick={() =>
            void fetchMore({ variables: { after: deliveries.pageInfo.endCursor } }).catch(
              (failure: unknown) => onError(toApiError(failure)),
            )
          }
        >
          {loading ? t('app.loading') : t('webhooks.log.showMore')}
        </button>
      )}
    </>
  );
}

interface DeliveryItemProps {
  delivery: WebhookDeliveryFieldsFragment;
  formatDateTime: (iso: string) => string;
  onDone(message: string): void;
  onError(error: ApiError): void;
}

function DeliveryItem({ delivery, formatDateTime, onDone, onError }: DeliveryItemProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [redeliver, { loading }] = useRedeliverWebhookMutation({
    variables: { deliveryId: delivery.id },
  });
  const detailsId = `delivery-${delivery.id}`;

  async function again() {
    try {
      await redeliver();
      onDone(t('webhooks.log.redelivering', { type: delivery.eventType }));
    } catch (error) {
      onError(toApiError(error));
    }
  }

  return (
    <li className="delivery">
      <div className="delivery-summary">
        <div className="delivery-what">
          <code>{delivery.eventType}</code>
          <span className="cell-note">
            <time dateTime={delivery.createdAt}>{formatDateTime(delivery.createdAt)}</time>
            {' · '}
            {t('webhooks.log.sequence', { sequence: delivery.sequence })}
            {' · '}
            {t('webhooks.log.attempts', { count: delivery.attemptCount })}
            {delivery.lastResponseStatus !== null &&
              ` · ${t('webhooks.log.lastStatus', { status: delivery.lastResponseStatus })}`}
          </span>
          {delivery.nextAttemptAt && delivery.status === 'PENDING' && (
            <span className="cell-note">
              {t('webhooks.log.nextAttempt', { time: formatDateTime(delivery.nextAttemptAt) })}
            </span>
          )}
        </div>
        <StatusBadge tone={STATUS_TONES[delivery.status]}>
          {t(`webhooks.log.status.${delivery.status}`)}
        </StatusBadge>
        <div className="delivery-actions">
          <button
            type="button"
            aria-expanded={open}
            aria-controls={detailsId}
            aria-label={t('webhooks.log.detailsOf', {
              type: delivery.eventType,
              sequence: delivery.sequence,
            })}
            onClick={() => setOpen(!open)}
          >
            {open ? t('webhooks.log.hide') : t('webhooks.log.details')}
          </button>
          <button
            type="button"
            disabled={loading}
            aria-label={t('webhooks.log.redeliverOf', {
              type: delivery.eventType,
              sequence: delivery.sequence,
            })}
            onClick={() => void again()}
          >
            {t('webhooks.log.redeliver')}
          </button>
        </div>
      </div>
      {open && (
        <div id={detailsId} className="delivery-details">
          <p className="cell-note">
            {t('webhooks.log.webhookId')} <code>{delivery.eventId}</code>
          </p>
          <h4>{t('webhooks.log.payload')}</h4>
          <pre>{prettyJson(delivery.payload)}</pre>
          <h4>{t('webhooks.log.attemptsTitle')}</h4>
          <ol className="attempt-list">
            {delivery.attempts.map((attempt) => (
              <li key={attempt.id} className="attempt">
                <p>
                  <time dateTime={attempt.startedAt}>{formatDateTime(attempt.startedAt)}</time>
                  {' · '}
                  {attempt.responseStatus !== null
                    ? t('webhooks.log.lastStatus', { status: attempt.responseStatus })
                    : t('webhooks.log.noResponse')}
                  {' · '}
                  {t('webhooks.log.duration', { ms: attempt.durationMs })}
                  {attempt.manual && ` · ${t('webhooks.log.manual')}`}
                </p>
                {attempt.error && <p className="field-error">{attempt.error}</p>}
                <details>
                  <summary>{t('webhooks.log.requestHeaders')}</summary>
                  <pre>
                    {attempt.requestHeaders
                      .map((header) => `${header.name}: ${header.value}`)
                      .join('\n')}
                  </pre>
                </details>
                {attempt.responseBody && (
                  <details>
                    <summary>{t('webhooks.log.responseBody')}</summary>
                    <pre>{attempt.responseBody}</pre>
                  </details>
                )}
              </li>
            ))}
          </ol>
        </div>
      )}
    </li>
  );
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
