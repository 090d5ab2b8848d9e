import type { TFunction } from 'i18next';
import type { StatusTone } from '../../components/StatusBadge';
import type { WebhookEndpointFieldsFragment } from '../../generated/graphql';

/** How an endpoint is doing, as its badge says it. */
export function endpointHealth(
  endpoint: WebhookEndpointFieldsFragment,
  t: TFunction,
): { tone: StatusTone; label: string } {
  if (!endpoint.enabled) {
    return {
      tone: endpoint.disabledReason === 'MANUAL' ? 'neutral' : 'danger',
      label: t(`webhooks.disabled.${endpoint.disabledReason ?? 'MANUAL'}`),
    };
  }
  if (endpoint.failureStreak > 0) {
    return {
      tone: 'warning',
      label: t('webhooks.health.failing', { count: endpoint.failureStreak }),
    };
  }
  if (endpoint.lastSuccessAt) return { tone: 'success', label: t('webhooks.health.healthy') };
  return { tone: 'info', label: t('webhooks.health.new') };
}
