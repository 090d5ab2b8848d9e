import type { PubSub } from '@graphql-yoga/subscription';
import type { EventSubscriber } from '../../events/domain-events';
import type { AtriumEvents, NotificationSnapshot } from '../../events/event-bus';
import type { NotificationChannel, NotificationType } from './notification-catalog';
import type { NotificationEntity } from './notification.entities';
import type { NotificationFeedService } from './notification-feed.service';

declare module '../../events/domain-events' {
  interface DomainEventCatalog {
    /** A notice landed in a person's in-app feed. */
    'notification.created': { notification: NotificationSnapshot };
    /** A person read some of their notifications (`count` of them). */
    'notification.read': { count: number };
    /**
     * An organization's admins changed its notification rules: each cell's rule before and
     * after (null: no rule, Atrium's default applies).
     */
    'notification_rules.updated': {
      changes: Array<{
        type: NotificationType;
        channel: NotificationChannel;
        before: boolean | null;
        after: boolean | null;
      }>;
    };
  }
}

export function snapshotNotification(notification: NotificationEntity): NotificationSnapshot {
  return {
    id: notification.id,
    type: notification.type,
    title: notification.title,
    body: notification.body,
    link: notification.link,
    readAt: notification.readAt?.toISOString() ?? null,
    createdAt: notification.createdAt.toISOString(),
  };
}

/**
 * The live `notificationFeed`, once the change is committed, on every instance: the new item
 * (if any) and the unread count, read from the database after the commit so every tab shows
 * the one count the server holds.
 */
export function publishNotificationFeed(
  pubSub: PubSub<AtriumEvents>,
  feed: NotificationFeedService,
): EventSubscriber {
  const publish = async (accountId: string | null, notification: NotificationSnapshot | null) => {
    if (!accountId) return;
    const unreadCount = await feed.unreadCount(accountId);
    pubSub.publish('NOTIFICATION_FEED', accountId, { accountId, notification, unreadCount });
  };
  return (events) => {
    events.afterCommit('notification.created', (event) =>
      publish(event.accountId, event.data.notification),
    );
    events.afterCommit('notification.read', (event) => publish(event.accountId, null));
  };
}
