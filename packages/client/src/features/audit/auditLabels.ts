import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEventFieldsFragment } from '../../generated/graphql';

/** Fields whose name the log translates; others (a notification rule's cell) show as they are. */
const KNOWN_FIELDS = [
  'name',
  'industry',
  'website',
  'role',
  'email',
  'status',
  'expiresAt',
  'domain',
  'verifiedAt',
  'scopes',
  'secret',
  'prefix',
  'gracePeriodSeconds',
  'revokedAt',
  'url',
  'description',
  'eventTypes',
  'enabled',
  'disabledReason',
  'previousSecretExpiresAt',
  'redeliveredSince',
  'redelivered',
  'balanceCents',
  'asOf',
  'plan',
  'number',
  'periodStart',
  'periodEnd',
  'amount',
  'currency',
] as const;
type KnownField = (typeof KNOWN_FIELDS)[number];

const isKnownField = (field: string): field is KnownField =>
  (KNOWN_FIELDS as readonly string[]).includes(field);

/** A changed field's name as the log shows it. */
export function useFieldLabel(): (field: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (field: string) => (isKnownField(field) ? t(`audit.fields.${field}`) : field),
    [t],
  );
}

/** Who made an entry: a person's name, an API key's, or Atrium itself. */
export function useActorLabel(): (
  event: Pick<AuditEventFieldsFragment, 'actorType' | 'actorName' | 'detailsErased'>,
) => string {
  const { t } = useTranslation();
  return useCallback(
    ({ actorType, actorName, detailsErased }) => {
      if (actorType === 'SYSTEM') return t('audit.actor.system');
      if (actorType === 'API_KEY') {
        return actorName
          ? t('audit.actor.apiKey', { name: actorName })
          : t('audit.actor.unknownKey');
      }
      if (actorName) return t('audit.actor.person', { name: actorName });
      return detailsErased ? t('audit.actor.erased') : t('audit.actor.unknownPerson');
    },
    [t],
  );
}

/** A value before or after a change, as text: lists joined, yes/no, dates in the account's zone. */
export function useValueText(formatDateTime: (iso: string) => string): (value: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    function text(value: unknown): string {
      if (value === null || value === undefined || value === '') return t('audit.empty');
      if (typeof value === 'boolean') return value ? t('audit.yes') : t('audit.no');
      if (Array.isArray(value)) return value.map((item) => text(item)).join(', ');
      if (typeof value === 'string') {
        return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value)
          ? formatDateTime(value)
          : value;
      }
      if (typeof value === 'number') return String(value);
      return JSON.stringify(value);
    },
    [t, formatDateTime],
  );
}
