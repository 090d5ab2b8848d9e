import { defineModule, requireService } from '../../core/module';
import { lowBalanceAlerts } from './low-balance.subscriber';
import { NotificationFeedService } from './notification-feed.service';
import { NotificationPreferenceService } from './notification-preferences.service';
import { NotificationSendService } from './notification-send.service';
import {
  LowBalanceAlertEntity,
  NotificationEntity,
  NotificationPreferenceEntity,
  NotificationSendEntity,
  NotificationSettingsEntity,
  OrganizationNotificationRuleEntity,
} from './notification.entities';
import { publishNotificationFeed } from './notification.events';
import {
  NotificationResolver,
  OrganizationNotificationRulesResolver,
} from './notification.resolver';
import { Notifier } from './notifier';
import { pruneNotificationsJob } from './prune-notifications.job';
import { UnsubscribeLinks } from './unsubscribe-link';

declare module '../../core/module' {
  interface Services {
    /** The preference matrix, workspace rules, quiet hours and low-balance thresholds. */
    notificationPreferences: NotificationPreferenceService;
    /** The one way a notice reaches a person: in-app, email and SMS per the matrix. */
    notifier: Notifier;
    /** sendNotification: tools notify people of their organization. */
    notificationSender: NotificationSendService;
    /** My in-app feed and its unread count. */
    notificationFeed: NotificationFeedService;
    /** Signed one-click unsubscribe links. */
    unsubscribeLinks: UnsubscribeLinks;
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Notifications: preferences, the notifier, the live in-app feed, and sending from tools. */
export const notificationModule = defineModule({
  name: 'notification',
  entities: [
    NotificationEntity,
    NotificationPreferenceEntity,
    OrganizationNotificationRuleEntity,
    NotificationSettingsEntity,
    LowBalanceAlertEntity,
    NotificationSendEntity,
  ],
  resolvers: [NotificationResolver, OrganizationNotificationRulesResolver],
  services: ({ dataSource, delivery, events, secretKey }, built) => {
    requireService(built, 'wallets', 'notification');
    const notificationPreferences = new NotificationPreferenceService(dataSource, events);
    const unsubscribeLinks = new UnsubscribeLinks(secretKey, delivery);
    const notifier = new Notifier(notificationPreferences, delivery, unsubscribeLinks, events);
    return {
      notificationPreferences,
      notifier,
      unsubscribeLinks,
      notificationSender: new NotificationSendService(dataSource, notifier),
      notificationFeed: new NotificationFeedService(dataSource, events),
    };
  },
  subscribers: ({ notifier, notificationFeed }, { pubSub }) => [
    publishNotificationFeed(pubSub, notificationFeed),
    lowBalanceAlerts(notifier),
  ],
  jobs: ({ notificationFeed }) => {
    const prune = pruneNotificationsJob(notificationFeed);
    return { kinds: [prune], schedules: [{ job: prune, everyMs: DAY_MS, payload: {} }] };
  },
});
