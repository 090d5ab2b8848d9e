import * as Popover from '@radix-ui/react-popover';
import { Bell } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useUnreadNotificationCountQuery } from '../../generated/graphql';
import { NotificationFeedPanel } from './NotificationFeedPanel';

/** The header's bell: the live unread count, and the feed in a panel. */
export function NotificationBell({ timezone }: { timezone: string }) {
  const { t } = useTranslation();
  const { data } = useUnreadNotificationCountQuery();
  const count = data?.unreadNotificationCount ?? 0;
  return (
    <Popover.Root>
      <Popover.Trigger className="icon-button notification-bell">
        <Bell aria-hidden="true" size={20} />
        <span className="visually-hidden">{t('notifications.bellLabel', { count })}</span>
        {count > 0 && (
          <span className="bell-count" aria-hidden="true" data-testid="unread-count">
            {count > 99 ? '99+' : count}
          </span>
        )}
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          className="feed-panel"
          align="end"
          sideOffset={6}
          collisionPadding={8}
          aria-label={t('notifications.feedTitle')}
        >
          <NotificationFeedPanel unreadCount={count} timezone={timezone} />
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
