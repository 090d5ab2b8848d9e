import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { NotificationFeedMessage, NotificationSnapshot } from '../../events/event-bus';
import { PageInfo } from '../../graphql/connection';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_TYPES,
  SECURITY_LOCK_REASON,
  type NotificationChannel,
  type NotificationType,
} from './notification-catalog';
import type { EffectivePreference, PreferenceSource } from './notification-preferences.service';
import type { NotificationEntity, NotificationSendEntity } from './notification.entities';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

export const NotificationTypeEnum = enumOf(NOTIFICATION_TYPES);
registerEnumType(NotificationTypeEnum, {
  name: 'NotificationType',
  description: 'What a notice is about: a row of the preference matrix',
});

export const NotificationChannelEnum = enumOf(NOTIFICATION_CHANNELS);
registerEnumType(NotificationChannelEnum, {
  name: 'NotificationChannel',
  description: 'How a notice reaches a person: a column of the preference matrix',
});

export const PreferenceSourceEnum = enumOf<PreferenceSource>([
  'DEFAULT',
  'ORGANIZATION',
  'PERSONAL',
  'LOCKED',
]);
registerEnumType(PreferenceSourceEnum, {
  name: 'NotificationPreferenceSource',
  description:
    "Where a cell's value comes from: Atrium's default, the workspace rules, the person's own choice, or fixed (security)",
});

@ObjectType('NotificationPreference', { description: 'One cell of the preference matrix' })
export class NotificationPreference {
  @Field(() => NotificationTypeEnum)
  type: NotificationType;

  @Field(() => NotificationChannelEnum)
  channel: NotificationChannel;

  @Field({ description: 'Whether notices of this type go by this channel' })
  enabled: boolean;

  @Field({ description: 'Security notices: the cell cannot change' })
  locked: boolean;

  @Field(() => String, { nullable: true, description: 'Why a locked cell cannot change' })
  lockedReason: string | null;

  @Field(() => PreferenceSourceEnum)
  source: PreferenceSource;

  @Field({
    description:
      'The value without a personal choice (the workspace rule, else Atrium\u2019s default)',
  })
  defaultEnabled: boolean;
}

export function toPreference(cell: EffectivePreference): NotificationPreference {
  return { ...cell, lockedReason: cell.locked ? SECURITY_LOCK_REASON : null };
}

@ObjectType('Notification', { description: 'An item of my in-app feed' })
export class Notification {
  @Field(() => ID)
  id: string;

  @Field(() => NotificationTypeEnum)
  type: NotificationType;

  @Field()
  title: string;

  @Field()
  body: string;

  @Field(() => String, { nullable: true, description: 'An https URL or a path of the app' })
  link: string | null;

  @Field(() => Date, { nullable: true })
  readAt: Date | null;

  @Field()
  createdAt: Date;
}

export function toNotification(row: NotificationEntity | NotificationSnapshot): Notification {
  return {
    id: row.id,
    type: row.type as NotificationType,
    title: row.title,
    body: row.body,
    link: row.link,
    readAt: row.readAt === null ? null : new Date(row.readAt),
    createdAt: new Date(row.createdAt),
  };
}

@ObjectType('NotificationEdge')
export class NotificationEdge {
  @Field()
  cursor: string;

  @Field(() => Notification)
  node: Notification;
}

@ObjectType('NotificationConnection')
export class NotificationConnection {
  @Field(() => [NotificationEdge])
  edges: NotificationEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@ObjectType('NotificationFeedEvent', {
  description: 'A new notification (null when some were read) and my unread count after it',
})
export class NotificationFeedEvent {
  @Field(() => Notification, { nullable: true })
  notification: Notification | null;

  @Field(() => Int)
  unreadCount: number;
}

export function toFeedEvent(message: NotificationFeedMessage): NotificationFeedEvent {
  return {
    notification: message.notification ? toNotification(message.notification) : null,
    unreadCount: message.unreadCount,
  };
}

@ObjectType('QuietHours', {
  description: 'Email and SMS wait until these end (not security notices); in my time zone',
})
export class QuietHours {
  @Field({ description: '24-hour time, such as 22:00' })
  start: string;

  @Field({ description: '24-hour time, such as 07:00; before start when it passes midnight' })
  end: string;

  @Field({ description: 'My time zone, which the times are in' })
  timezone: string;
}

@ObjectType('LowBalanceAlert', {
  description: 'My alert for an organization’s wallet balance (OWNER and ADMIN)',
})
export class LowBalanceAlert {
  @Field(() => ID)
  organizationId: string;

  @Field()
  organizationName: string;

  @Field(() => Float, {
    nullable: true,
    description:
      'Alert once the balance falls below this; again only after it rose above 1.5 × it, and at most daily. Null: off',
  })
  threshold: number | null;
}

export function toLowBalanceAlert(alert: {
  organizationId: string;
  organizationName: string;
  thresholdCents: number | null;
}): LowBalanceAlert {
  return {
    organizationId: alert.organizationId,
    organizationName: alert.organizationName,
    threshold: alert.thresholdCents === null ? null : alert.thresholdCents / 100,
  };
}

@ObjectType('SentNotification', {
  description: 'What sendNotification did (or did the first time)',
})
export class SentNotification {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  accountId: string;

  @Field(() => NotificationTypeEnum)
  type: NotificationType;

  @Field(() => [NotificationChannelEnum], {
    description: 'The channels it went by (email and SMS may wait for quiet hours to end)',
  })
  channels: NotificationChannel[];

  @Field(() => ID, { nullable: true, description: 'The in-app item, when in-app is on' })
  notificationId: string | null;

  @Field()
  createdAt: Date;
}

export function toSentNotification(record: NotificationSendEntity): SentNotification {
  return {
    id: record.id,
    accountId: record.accountId,
    type: record.type,
    channels: record.channels ? (record.channels.split(',') as NotificationChannel[]) : [],
    notificationId: record.notificationId,
    createdAt: record.createdAt,
  };
}
