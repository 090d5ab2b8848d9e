import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { requirePerson } from '../../caller/caller';
import type { NotificationFeedMessage } from '../../events/event-bus';
import { encodeCursor, pageRequest } from '../../graphql/connection';
import type { AppContext } from '../../graphql/context';
import { badUserInput } from '../../graphql/errors';
import { Organization } from '../organization/organization.type';
import {
  LowBalanceThresholdInput,
  NotificationPreferenceInput,
  QuietHoursInput,
  SendNotificationInput,
  UpdateNotificationRulesInput,
} from './notification.inputs';
import {
  LowBalanceAlert,
  NotificationConnection,
  NotificationFeedEvent,
  NotificationPreference,
  QuietHours,
  SentNotification,
  toFeedEvent,
  toLowBalanceAlert,
  toNotification,
  toPreference,
  toSentNotification,
} from './notification.types';
import type { CellChange } from './notification-preferences.service';

const changesOf = (inputs: NotificationPreferenceInput[]): CellChange[] =>
  inputs.map((input) => ({
    type: input.type,
    channel: input.channel,
    enabled: input.enabled ?? null,
  }));

@Resolver()
export class NotificationResolver {
  @Authorized()
  @Query(() => [NotificationPreference], {
    description:
      'My whole matrix (every type × channel) as it applies in an organization of mine (default: the first I joined)',
  })
  async myNotificationPreferences(
    @Arg('organizationId', () => ID, { nullable: true }) organizationId: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<NotificationPreference[]> {
    const matrix = await ctx.services.notificationPreferences.myMatrix(
      ctx.caller,
      organizationId ?? null,
    );
    return matrix.map(toPreference);
  }

  @Authorized()
  @Mutation(() => [NotificationPreference], {
    description:
      'Changes my cells in one go and answers the whole matrix; security cells are refused',
  })
  async updateNotificationPreferences(
    @Arg('input', () => [NotificationPreferenceInput]) input: NotificationPreferenceInput[],
    @Arg('organizationId', () => ID, { nullable: true }) organizationId: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<NotificationPreference[]> {
    const matrix = await ctx.services.notificationPreferences.updateMine(
      ctx.caller,
      changesOf(input),
      organizationId ?? null,
    );
    return matrix.map(toPreference);
  }

  @Authorized()
  @Mutation(() => [NotificationPreference], {
    description: 'The workspace notification rules: defaults for its members (OWNER and ADMIN)',
  })
  async updateNotificationRules(
    @Arg('input') input: UpdateNotificationRulesInput,
    @Ctx() ctx: AppContext,
  ): Promise<NotificationPreference[]> {
    const rules = await ctx.services.notificationPreferences.updateRules(
      ctx.caller,
      input.organizationId,
      changesOf(input.rules),
    );
    return rules.map(toPreference);
  }

  @Authorized()
  @Query(() => QuietHours, { nullable: true, description: 'My quiet hours; null when none' })
  async myQuietHours(@Ctx() ctx: AppContext): Promise<QuietHours | null> {
    const hours = await ctx.services.notificationPreferences.quietHours(ctx.caller);
    return hours && { ...hours, timezone: requirePerson(ctx.caller).account.timezone };
  }

  @Authorized()
  @Mutation(() => QuietHours, {
    nullable: true,
    description: 'Sets my quiet hours, or with null removes them',
  })
  async setQuietHours(
    @Arg('input', () => QuietHoursInput, { nullable: true }) input: QuietHoursInput | null,
    @Ctx() ctx: AppContext,
  ): Promise<QuietHours | null> {
    const hours = await ctx.services.notificationPreferences.setQuietHours(
      ctx.caller,
      input ?? null,
    );
    return hours && { ...hours, timezone: requirePerson(ctx.caller).account.timezone };
  }

  @Authorized()
  @Query(() => [LowBalanceAlert], {
    description: 'My low-balance alerts: one per organization where I may set one',
  })
  async myLowBalanceAlerts(@Ctx() ctx: AppContext): Promise<LowBalanceAlert[]> {
    const alerts = await ctx.services.notificationPreferences.myLowBalanceAlerts(ctx.caller);
    return alerts.map(toLowBalanceAlert);
  }

  @Authorized()
  @Mutation(() => LowBalanceAlert, {
    description: 'Sets my low-balance threshold for an organization (OWNER and ADMIN)',
  })
  async setLowBalanceThreshold(
    @Arg('input') input: LowBalanceThresholdInput,
    @Ctx() ctx: AppContext,
  ): Promise<LowBalanceAlert> {
    const threshold = input.threshold ?? null;
    const cents = threshold === null ? null : Math.round(threshold * 100);
    if (cents !== null && Math.abs(cents - threshold! * 100) > 1e-6) {
      throw badUserInput({
        threshold: { reason: 'LOW_BALANCE_THRESHOLD_INVALID', params: { max: 1_000_000_000 } },
      });
    }
    const alert = await ctx.services.notificationPreferences.setLowBalanceThreshold(
      ctx.caller,
      input.organizationId,
      cents,
    );
    return toLowBalanceAlert(alert);
  }

  @Authorized()
  @Query(() => NotificationConnection, { description: 'My in-app feed, newest first' })
  async notifications(
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('unreadOnly', () => Boolean, { nullable: true }) unreadOnly: boolean | null,
    @Ctx() ctx: AppContext,
  ): Promise<NotificationConnection> {
    const page = await ctx.services.notificationFeed.list(
      ctx.caller,
      pageRequest(first, after),
      unreadOnly ?? false,
    );
    const edges = page.nodes.map((row) => ({
      cursor: encodeCursor(row.id),
      node: toNotification(row),
    }));
    return {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  @Authorized()
  @Query(() => Int, { description: 'How many of my notifications are unread' })
  unreadNotificationCount(@Ctx() ctx: AppContext): Promise<number> {
    return ctx.services.notificationFeed.myUnreadCount(ctx.caller);
  }

  @Authorized()
  @Mutation(() => Int, { description: 'Marks some of my notifications read; returns how many' })
  markNotificationsRead(
    @Arg('ids', () => [ID]) ids: string[],
    @Ctx() ctx: AppContext,
  ): Promise<number> {
    return ctx.services.notificationFeed.markRead(ctx.caller, ids);
  }

  @Authorized()
  @Mutation(() => Int, { description: 'Marks all my notifications read; returns how many' })
  markAllNotificationsRead(@Ctx() ctx: AppContext): Promise<number> {
    return ctx.services.notificationFeed.markAllRead(ctx.caller);
  }

  @Authorized()
  @Subscription(() => NotificationFeedEvent, {
    description: 'Each new notification of mine and my unread count, on any instance',
    topics: 'NOTIFICATION_FEED',
    topicId: ({ context }) => requirePerson((context as AppContext).caller).account.id,
  })
  notificationFeed(@Root() message: NotificationFeedMessage): NotificationFeedEvent {
    return toFeedEvent(message);
  }

  @Authorized()
  @Mutation(() => SentNotification, {
    description:
      'Notifies a person of the key’s organization per their preferences (API key with NOTIFICATIONS_SEND)',
  })
  async sendNotification(
    @Arg('input') input: SendNotificationInput,
    @Ctx() ctx: AppContext,
  ): Promise<SentNotification> {
    const record = await ctx.services.notificationSender.send(ctx.caller, {
      accountId: input.accountId,
      type: input.type,
      title: input.title,
      body: input.body,
      link: input.link ?? null,
      idempotencyKey: input.idempotencyKey ?? null,
      localized: input.localized ?? [],
    });
    return toSentNotification(record);
  }
}

@Resolver(() => Organization)
export class OrganizationNotificationRulesResolver {
  @FieldResolver(() => [NotificationPreference], {
    description: 'The workspace notification rules: every cell, set or defaulted (OWNER and ADMIN)',
  })
  async notificationRules(
    @Root() organization: Organization,
    @Ctx() ctx: AppContext,
  ): Promise<NotificationPreference[]> {
    const rules = await ctx.services.notificationPreferences.rules(organization.access);
    return rules.map(toPreference);
  }
}
