import type { EntityManager } from 'typeorm';
import type { Caller } from '../../caller/caller';
import { newId } from '../../db/columns';
import type { DomainEvents } from '../../events/domain-events';
import type { Delivery } from '../../messaging/delivery';
import { toLocale, type Locale } from '../../messaging/templates';
import { AccountEntity } from '../account/account.entity';
import { isLocked, type NotificationChannel, type NotificationType } from './notification-catalog';
import type { NotificationPreferenceService } from './notification-preferences.service';
import { renderNoticeMail, renderNoticeSms, type NoticeText } from './notification-templates';
import { NotificationEntity } from './notification.entities';
import { snapshotNotification } from './notification.events';
import { quietHoursEnd } from './quiet-hours';
import type { UnsubscribeLinks } from './unsubscribe-link';

/** A notice for one person. */
export interface Notice {
  accountId: string;
  /** The organization it is about; its rules apply. */
  organizationId: string | null;
  type: NotificationType;
  /** The text, used when none is given in the person's language. */
  text: NoticeText;
  localized?: Partial<Record<Locale, NoticeText>>;
  /** An https URL or a path of the SPA (`/settings/billing`). */
  link: string | null;
}

export interface NoticeOutcome {
  /** The channels it went by or is held to go by. */
  channels: NotificationChannel[];
  /** The in-app item, when in-app is on. */
  notification: NotificationEntity | null;
  /** Email and SMS wait for the end of the person's quiet hours until then. */
  heldUntil: Date | null;
}

/**
 * The one way a notice reaches a person, for Atrium's own notices and tools' alike, inside the
 * caller's transaction: the in-app item, and email and SMS as jobs, per the person's matrix in
 * the notice's organization and in their language. Email and SMS wait out quiet hours (in the
 * person's time zone), except security notices, which also ignore the matrix.
 */
export class Notifier {
  private clock: () => Date = () => new Date();

  constructor(
    private readonly preferences: NotificationPreferenceService,
    private readonly delivery: Delivery,
    private readonly unsubscribe: UnsubscribeLinks,
    private readonly events: DomainEvents,
  ) {}

  /** Replaces the clock that quiet hours and the daily cap read (tests). */
  useClock(clock: () => Date): void {
    this.clock = clock;
  }

  now(): Date {
    return this.clock();
  }

  async notify(manager: EntityManager, caller: Caller, notice: Notice): Promise<NoticeOutcome> {
    const account = await manager.findOneBy(AccountEntity, { id: notice.accountId });
    if (!account || account.status === 'DEACTIVATED') {
      return { channels: [], notification: null, heldUntil: null };
    }
    const wanted = await this.preferences.channelsFor(
      manager,
      account.id,
      notice.organizationId,
      notice.type,
    );
    const text = notice.localized?.[toLocale(account.locale)] ?? notice.text;
    const channels: NotificationChannel[] = [];
    let notification: NotificationEntity | null = null;
    if (wanted.includes('IN_APP')) {
      notification = await this.addToFeed(manager, caller, notice, text);
      channels.push('IN_APP');
    }
    const heldUntil = await this.quietUntil(manager, account, notice.type);
    const runAt = heldUntil ?? undefined;
    const link = notice.link ? this.absolute(notice.link) : null;
    if (wanted.includes('EMAIL')) {
      const unsubscribeUrl = isLocked(notice.type)
        ? null
        : this.unsubscribe.url({ accountId: account.id, type: notice.type, channel: 'EMAIL' });
      const mail = renderNoticeMail({
        locale: account.locale,
        to: account.email,
        name: account.fullName,
        type: notice.type,
        text,
        link,
        unsubscribeUrl,
      });
      await this.delivery.mail(mail, manager, { runAt });
      channels.push('EMAIL');
    }
    if (wanted.includes('SMS') && account.phone && account.phoneVerifiedAt) {
      await this.delivery.textLater(
        { to: account.phone, body: renderNoticeSms(text, link) },
        manager,
        { runAt },
      );
      channels.push('SMS');
    }
    return { channels, notification, heldUntil };
  }

  private async addToFeed(
    manager: EntityManager,
    caller: Caller,
    notice: Notice,
    text: NoticeText,
  ): Promise<NotificationEntity> {
    const notification = manager.create(NotificationEntity, {
      id: newId(),
      accountId: notice.accountId,
      organizationId: notice.organizationId,
      type: notice.type,
      title: text.title,
      body: text.body,
      link: notice.link,
      readAt: null,
      createdAt: new Date(),
    });
    await manager.insert(NotificationEntity, notification);
    await this.events.emit(manager, {
      type: 'notification.created',
      caller,
      accountId: notice.accountId,
      organizationId: notice.organizationId,
      data: { notification: snapshotNotification(notification) },
    });
    return notification;
  }

  private async quietUntil(
    manager: EntityManager,
    account: AccountEntity,
    type: NotificationType,
  ): Promise<Date | null> {
    if (isLocked(type)) return null;
    const settings = await this.preferences.settingsOf(manager, account.id);
    if (settings?.quietHoursStart == null || settings.quietHoursEnd == null) return null;
    return quietHoursEnd(
      this.clock(),
      account.timezone,
      settings.quietHoursStart,
      settings.quietHoursEnd,
    );
  }

  private absolute(link: string): string {
    return link.startsWith('/') ? `${this.delivery.appUrl}${link}` : link;
  }
}
