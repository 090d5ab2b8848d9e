import { useState } from 'react';
import { History } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { FormAlert } from '../../components/FormAlert';
import { SectionCard } from '../../components/SectionCard';
import { Skeleton } from '../../components/Skeleton';
import { MySecurityEventsDocument, useMySecurityEventsQuery } from '../../generated/graphql';
import { toApiError } from '../../lib/apiError';
import { useDateTimeFormat } from '../../lib/dateTime';
import { useErrorText } from '../../lib/useErrorText';
import { refreshPageSize, useKeepFresh } from '../../lib/useKeepFresh';
import { useCurrentAccount } from '../auth/CurrentAccount';
import { SecurityEventItem } from './SecurityEventItem';

export const ACTIVITY_PAGE_SIZE = 20;

/** Security → Activity: the account's security timeline, newest first, a page at a time. */
export function ActivitySection() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const account = useCurrentAccount();
  const formatDateTime = useDateTimeFormat(account.timezone);
  const { data, error, refetch, fetchMore } = useMySecurityEventsQuery({
    variables: { first: ACTIVITY_PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);

  const connection = data?.mySecurityEvents;
  const loadFailed = Boolean(error) && !data;
  // Any change the person makes, here or on another page or device, may add an event: the
  // list asks again for as many events as it shows.
  const shown = connection?.edges.length ?? 0;
  useKeepFresh(
    MySecurityEventsDocument,
    () => ({ first: refreshPageSize(shown, ACTIVITY_PAGE_SIZE) }),
    { afterMutations: 'any' },
  );

  async function showMore() {
    if (!connection?.pageInfo.endCursor) return;
    setAlert(null);
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { first: ACTIVITY_PAGE_SIZE, after: connection.pageInfo.endCursor },
      });
    } catch (moreError) {
      setAlert(errorText(toApiError(moreError)));
    } finally {
      setLoadingMore(false);
    }
  }

  return (
    <SectionCard
      titleId="activity-title"
      title={t('activity.title')}
      description={t('activity.intro')}
    >
      <FormAlert message={alert ?? (loadFailed ? t('activity.loadFailed') : null)} />
      {loadFailed && (
        <button type="button" onClick={() => void refetch().catch(() => undefined)}>
          {t('app.retry')}
        </button>
      )}
      {!data && !error && <Skeleton lines={4} />}
      {connection && connection.edges.length === 0 && (
        <EmptyState icon={History} title={t('activity.empty')} />
      )}
      {connection && connection.edges.length > 0 && (
        <ol className="event-list" aria-labelledby="activity-title">
          {connection.edges.map(({ node }) => (
            <SecurityEventItem key={node.id} event={node} formatDateTime={formatDateTime} />
          ))}
        </ol>
      )}
      {connection?.pageInfo.hasNextPage && (
        <div className="form-actions">
          <button type="button" disabled={loadingMore} onClick={() => void showMore()}>
            {loadingMore ? t('activity.loadingMore') : t('activity.showMore')}
          </button>
        </div>
      )}
    </SectionCard>
  );
}
