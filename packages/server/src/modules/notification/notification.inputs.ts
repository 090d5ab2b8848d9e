import { Matches, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType } from 'type-graphql';
import { MaxChars } from '../../graphql/max-chars';
import { withReason } from '../../graphql/validation-reasons';
import type { NotificationChannel, NotificationType } from './notification-catalog';
import {
  NOTIFICATION_BODY_MAX_CHARS,
  NOTIFICATION_LINK_MAX_CHARS,
  NOTIFICATION_TITLE_MAX_CHARS,
} from './notification.entities';
import { NotificationChannelEnum, NotificationTypeEnum } from './notification.types';

@InputType()
export class NotificationPreferenceInput {
  @Field(() => NotificationTypeEnum)
  type: NotificationType;

  @Field(() => NotificationChannelEnum)
  channel: NotificationChannel;

  @Field(() => Boolean, {
    nullable: true,
    description: 'On or off; null drops the choice and follows the default again',
  })
  enabled?: boolean | null;
}

@InputType()
export class UpdateNotificationRulesInput {
  @Field(() => ID)
  @MaxChars(64, withReason('ORGANIZATION_NOT_FOUND'))
  organizationId: string;

  @Field(() => [NotificationPreferenceInput], {
    description: 'The cells to change; null `enabled` returns a cell to Atrium’s default',
  })
  rules: NotificationPreferenceInput[];
}

@InputType()
export class QuietHoursInput {
  @Field({ description: '24-hour time, such as 22:00' })
  @MaxChars(5, withReason('QUIET_HOURS_TIME_INVALID'))
  start: string;

  @Field({ description: '24-hour time, such as 07:00' })
  @MaxChars(5, withReason('QUIET_HOURS_TIME_INVALID'))
  end: string;
}

@InputType()
export class LowBalanceThresholdInput {
  @Field(() => ID)
  @MaxChars(64, withReason('ORGANIZATION_NOT_FOUND'))
  organizationId: string;

  @Field(() => Float, {
    nullable: true,
    description: 'An amount with at most two decimals; null: off',
  })
  threshold?: number | null;
}

@InputType()
export class LocalizedNotificationInput {
  @Field({ description: 'A language Atrium speaks: en or es' })
  @MaxChars(16, withReason('NOTIFICATION_LOCALE_UNSUPPORTED', { locales: 'en, es' }))
  locale: string;

  @Field()
  @MaxChars(NOTIFICATION_TITLE_MAX_CHARS)
  @Matches(/\S/, withReason('NOTIFICATION_TEXT_REQUIRED'))
  title: string;

  @Field()
  @MaxChars(NOTIFICATION_BODY_MAX_CHARS)
  @Matches(/\S/, withReason('NOTIFICATION_TEXT_REQUIRED'))
  body: string;
}

@InputType()
export class SendNotificationInput {
  @Field(() => ID, { description: 'The person; a member of the key’s organization' })
  @MaxChars(64, withReason('NOTIFICATION_RECIPIENT_NOT_FOUND'))
  accountId: string;

  @Field(() => NotificationTypeEnum)
  type: NotificationType;

  @Field()
  @MaxChars(NOTIFICATION_TITLE_MAX_CHARS)
  @Matches(/\S/, withReason('NOTIFICATION_TEXT_REQUIRED'))
  title: string;

  @Field()
  @MaxChars(NOTIFICATION_BODY_MAX_CHARS)
  @Matches(/\S/, withReason('NOTIFICATION_TEXT_REQUIRED'))
  body: string;

  @Field(() => String, { nullable: true, description: 'An https URL or a path of the app' })
  @MaxChars(NOTIFICATION_LINK_MAX_CHARS)
  link?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'A retried call with the same key (per organization) sends nothing again',
  })
  @MaxChars(191)
  idempotencyKey?: string | null;

  @Field(() => [LocalizedNotificationInput], {
    nullable: true,
    description: 'The title and body in other languages; the person’s language wins',
  })
  @ValidateNested({ each: true })
  localized?: LocalizedNotificationInput[] | null;
}
