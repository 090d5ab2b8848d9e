import { TZDateMini } from '@date-fns/tz';
import type { AuditEventFilter, AuditEventType } from '../../generated/graphql';

/** The filter form as the person filled it in: ids, a type, and days (YYYY-MM-DD). */
export interface AuditFilterValues {
  actorAccountId: string;
  apiKeyId: string;
  type: AuditEventType | '';
  from: string;
  to: string;
}

export const NO_FILTER: AuditFilterValues = {
  actorAccountId: '',
  apiKeyId: '',
  type: '',
  from: '',
  to: '',
};

/** The first instant of a day where the account is (`day` is YYYY-MM-DD). */
function startOfDay(day: string, timeZone: string, plusDays = 0): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(new TZDateMini(year, month - 1, date + plusDays, timeZone).getTime());
}

/** Whether the range ends before it starts (the server refuses that too). */
export function rangeIsInverted(values: AuditFilterValues): boolean {
  return values.from !== '' && values.to !== '' && values.to < values.from;
}

/** The API's filter: whole days in the account's time zone, both ends included. */
export function toAuditEventFilter(values: AuditFilterValues, timeZone: string): AuditEventFilter {
  const filter: AuditEventFilter = {};
  if (values.actorAccountId) filter.actorAccountId = values.actorAccountId;
  if (values.apiKeyId) filter.apiKeyId = values.apiKeyId;
  if (values.type) filter.types = [values.type];
  if (values.from) filter.since = startOfDay(values.from, timeZone).toISOString();
  if (values.to) {
    filter.until = new Date(startOfDay(values.to, timeZone, 1).getTime() - 1).toISOString();
  }
  return filter;
}

export type ExportFormat = 'csv' | 'jsonl';

/** The export's address for the same filter (the session cookie authenticates the download). */
export function exportUrl(
  organizationId: string,
  format: ExportFormat,
  filter: AuditEventFilter,
): string {
  const params = new URLSearchParams({ organizationId, format });
  if (filter.actorAccountId) params.set('actorAccountId', filter.actorAccountId);
  if (filter.apiKeyId) params.set('apiKeyId', filter.apiKeyId);
  if (filter.types && filter.types.length > 0) params.set('types', filter.types.join(','));
  if (filter.since) params.set('since', filter.since);
  if (filter.until) params.set('until', filter.until);
  return `/audit-export?${params.toString()}`;
}
