import { useTranslation } from 'react-i18next';
import { TableCell, TableRow } from '../../components/ResponsiveTable';
import { StatusBadge } from '../../components/StatusBadge';
import type { WebhookEndpointFieldsFragment } from '../../generated/graphql';
import { endpointHealth } from './health';

interface EndpointRowProps {
  endpoint: WebhookEndpointFieldsFragment;
  selected: boolean;
  formatDateTime: (iso: string) => string;
  onOpen(): void;
}

/** An endpoint: where, what it receives, how it is doing; opening it shows its log below. */
export function EndpointRow({ endpoint, selected, formatDateTime, onOpen }: EndpointRowProps) {
  const { t } = useTranslation();
  const health = endpointHealth(endpoint, t);
  const name = endpoint.description || endpoint.url;
  return (
    <TableRow>
      <TableCell column="url" primary>
        <span className="endpoint-url">{endpoint.url}</span>
        {endpoint.description && <span className="cell-note">{endpoint.description}</span>}
      </TableCell>
      <TableCell column="events">
        {t('webhooks.eventCount', { count: endpoint.eventTypes.length })}
      </TableCell>
      <TableCell column="health">
        <StatusBadge tone={health.tone}>{health.label}</StatusBadge>
      </TableCell>
      <TableCell column="lastSuccess">
        {endpoint.lastSuccessAt ? (
          <time dateTime={endpoint.lastSuccessAt}>{formatDateTime(endpoint.lastSuccessAt)}</time>
        ) : (
          t('webhooks.never')
        )}
      </TableCell>
      <TableCell column="actions">
        <button
          type="button"
          aria-label={t('webhooks.openEndpoint', { name })}
          aria-pressed={selected}
          onClick={onOpen}
        >
          {t('webhooks.open')}
        </button>
      </TableCell>
    </TableRow>
  );
}
