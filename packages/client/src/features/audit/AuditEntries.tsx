import { ScrollText } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { SectionCard } from '../../components/SectionCard';
import { Skeleton } from '../../components/Skeleton';
import { useAuditEventsQuery, type AuditEventFilter } from '../../generated/graphql';
import { toApiError, type ApiError } from '../../lib/apiError';
import { AuditEventItem } from './AuditEventItem';

export const AUDIT_PAGE_SIZE = 25;

interface AuditEntriesProps {
  organizationId: string;
  filter: AuditEventFilter;
  filtered: boolean;
  formatDateTime: (iso: string) => string;
  onError(error: ApiError): void;
}

/** The entries matching the filter, newest first, a page at a time. */
export function AuditEntries(props: AuditEntriesProps) {
  const { organizationId, filter, filtered, formatDateTime, onError } = props;
  const { t } = useTranslation();
  const { data, loading, error, fetchMore, refetch } = useAuditEventsQuery({
    variables: { id: organizationId, first: AUDIT_PAGE_SIZE, filter },
    notifyOnNetworkStatusChange: true,
  });
  const entries = data?.organization?.auditEvents;

  let content;
  if (!entries) {
    content = error ? (
      <button type="button" onClick={() => void refetch().catch(() => null)}>
        {t('app.retry')}
      </button>
    ) : (
      <Skeleton lines={6} />
    );
  } else if (entries.edges.length === 0) {
    content = filtered ? (
      <EmptyState icon={ScrollText} title={t('audit.noneMatching')} />
    ) : (
      <EmptyState icon={ScrollText} title={t('audit.none')} description={t('audit.noneNextStep')} />
    );
  } else {
    content = (
      <>
        <ol className="audit-list" aria-labelledby="audit-entries-title">
          {entries.edges.map(({ node }) => (
            <AuditEventItem key={node.id} event={node} formatDateTime={formatDateTime} />
          ))}
        </ol>
        {entries.pageInfo.hasNextPage && (
          <button
            type="button"
            disabled={loading}
            onClick={() =>
              void fetchMore({ variables: { after: entries.pageInfo.endCursor } }).catch(
                (failure: unknown) => onError(toApiError(failure)),
              )
            }
          >
            {loading ? t('app.loading') : t('audit.showMore')}
          </button>
        )}
      </>
    );
  }

  return (
    <SectionCard
      titleId="audit-entries-title"
      title={t('audit.entriesTitle')}
      actions={
        entries && (
          <button type="button" disabled={loading} onClick={() => void refetch().catch(() => null)}>
            {t('audit.refresh')}
          </button>
        )
      }
    >
      {content}
    </SectionCard>
  );
}
