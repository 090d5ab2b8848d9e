import type { ApolloCache } from '@apollo/client';
import { Bell } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { Skeleton } from '../../components/Skeleton';
import {
  useMarkAllNotificationsReadMutation,
  useMarkNotificationsReadMutation,
  useNotificationsQuery,
  type NotificationFieldsFragment,
} from '../../generated/graphql';
import { useDateTimeFormat } from '../../lib/dateTime';

const PAGE = 20;

/** The feed: newest first, mark one or all read, follow a notification's link. */
export function NotificationFeedPanel({
  unreadCount,
  timezone,
}: {
  unreadCount: number;
  timezone: string;
}) {
  const { t } = useTranslation();
  const { data, loading } = useNotificationsQuery({
    variables: { first: PAGE },
    fetchPolicy: 'cache-and-network',
  });
  const [markAll, { loading: markingAll }] = useMarkAllNotificationsReadMutation({
    update: (cache) => markCachedRead(cache, null),
  });
  const items = data?.notifications.edges.map((edge) => edge.node) ?? [];
  return (
    <div className="feed">
      <div className="feed-header">
        <h2 className="feed-title">{t('notifications.feedTitle')}</h2>
        <button
          type="button"
          className="button-quiet"
          disabled={unreadCount === 0 || markingAll}
          onClick={() => void markAll().catch(() => null)}
        >
          {t('notifications.markAllRead')}
        </button>
      </div>
      {!data && loading && <Skeleton lines={3} />}
      {data && items.length === 0 && (
        <EmptyState
          icon={Bell}
          title={t('notifications.emptyTitle')}
          description={t('notifications.emptyBody')}
        />
      )}
      {items.length > 0 && (
        <ul className="feed-list">
          {items.map((item) => (
            <FeedItem key={item.id} item={item} timezone={timezone} />
          ))}
        </ul>
      )}
      <p className="feed-footer">
        <Link to="/settings/notifications">{t('notifications.manage')}</Link>
      </p>
    </div>
  );
}

function FeedItem({ item, timezone }: { item: NotificationFieldsFragment; timezone: string }) {
  const { t } = useTranslation();
  const format = useDateTimeFormat(timezone);
  const [markRead, { loading }] = useMarkNotificationsReadMutation({
    variables: { ids: [item.id] },
    update: (cache) => markCachedRead(cache, item.id),
  });
  const unread = item.readAt === null;
  const read = () => {
    if (unread) void markRead().catch(() => null);
  };
  const internal = item.link?.startsWith('/') ?? false;
  return (
    <li className={unread ? 'feed-item feed-item-unread' : 'feed-item'}>
      <div className="feed-item-text">
        <p className="feed-item-title">
          {unread && <span className="visually-hidden">{t('notifications.unread')} </span>}
          {item.title}
        </p>
        <p className="feed-item-body">{item.body}</p>
        <p className="feed-item-meta">
          <time dateTime={item.createdAt}>{format(item.createdAt)}</time>
          {item.link &&
            (internal ? (
              <Link to={item.link} onClick={read}>
                {t('notifications.open')}
              </Link>
            ) : (
              <a href={item.link} target="_blank" rel="noopener noreferrer" onClick={read}>
                {t('notifications.open')}
              </a>
            ))}
        </p>
      </div>
      {unread && (
        <button
          type="button"
          className="button-quiet"
          disabled={loading}
          aria-label={t('notifications.markReadLabel', { title: item.title })}
          onClick={read}
        >
          {t('notifications.markRead')}
        </button>
      )}
    </li>
  );
}

/** Stamps one cached notification read, or drops the cached feed after "all"; the count comes from the server's event. */
function markCachedRead(cache: ApolloCache, id: string | null) {
  if (id) {
    const now = new Date().toISOString();
    cache.modify({
      id: cache.identify({ __typename: 'Notification', id }),
      fields: { readAt: (existing: string | null) => existing ?? now },
    });
    return;
  }
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'notifications' });
  cache.gc();
}
