import {
  UnreadNotificationCountDocument,
  useNotificationFeedSubscription,
} from '../../generated/graphql';

/**
 * The shell's one `notificationFeed` subscription: the count the server holds goes into the
 * cache (so every bell in this tab shows it), and a new notification drops the cached feed so
 * an open panel fetches it again.
 */
export function NotificationFeedListener() {
  useNotificationFeedSubscription({
    ignoreResults: true,
    fetchPolicy: 'no-cache',
    onData({ client, data }) {
      const event = data.data?.notificationFeed;
      if (!event) return;
      client.cache.writeQuery({
        query: UnreadNotificationCountDocument,
        data: { unreadNotificationCount: event.unreadCount },
      });
      if (event.notification) {
        client.cache.evict({ id: 'ROOT_QUERY', fieldName: 'notifications' });
        client.cache.gc();
      }
    },
  });
  return null;
}
