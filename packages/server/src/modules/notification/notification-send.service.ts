import type { DataSource } from 'typeorm';
import { requireApiKey, type Caller } from '../../caller/caller';
import { newId } from '../../db/columns';
import { isUniqueViolation } from '../../db/errors';
import { badUserInput, fail, type FieldProblems } from '../../graphql/errors';
import type { Locale } from '../../messaging/templates';
import { authorize, loadAccess } from '../organization/access';
import { TeamMemberEntity } from '../organization/team-member.entity';
import type { NotificationType } from './notification-catalog';
import type { NoticeText } from './notification-templates';
import { NotificationSendEntity } from './notification.entities';
import type { Notifier } from './notifier';

export const NOTICE_LOCALES: readonly Locale[] = ['en', 'es'];

export interface SendNotificationRequest {
  accountId: string;
  type: NotificationType;
  title: string;
  body: string;
  link: string | null;
  idempotencyKey: string | null;
  /** The text in other languages; the person's is used when given. */
  localized: ReadonlyArray<NoticeText & { locale: string }>;
}

/**
 * `sendNotification`: a tool with an API key (NOTIFICATIONS_SEND) notifies a person of its own
 * organization through the notifier. The idempotency key is the organization's: a retried call
 * answers the first call's record and sends nothing more, even when two arrive at once.
 */
export class NotificationSendService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifier: Notifier,
  ) {}

  async send(caller: Caller, request: SendNotificationRequest): Promise<NotificationSendEntity> {
    const key = requireApiKey(caller);
    const organizationId = key.apiKey.organizationId;
    const localized = checkRequest(request);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const access = await loadAccess(manager, key, organizationId);
        authorize(access, 'notification.send');
        if (request.idempotencyKey) {
          const earlier = await manager.findOneBy(NotificationSendEntity, {
            organizationId,
            idempotencyKey: request.idempotencyKey,
          });
          if (earlier) return earlier;
        }
        const member = await manager.existsBy(TeamMemberEntity, {
          organizationId,
          accountId: request.accountId,
        });
        if (!member) throw fail('NOTIFICATION_RECIPIENT_NOT_FOUND');
        // The record first: a concurrent call with the same key fails here, before sending.
        const record = manager.create(NotificationSendEntity, {
          id: newId(),
          organizationId,
          accountId: request.accountId,
          idempotencyKey: request.idempotencyKey,
          type: request.type,
          channels: '',
          notificationId: null,
          createdAt: new Date(),
        });
        await manager.insert(NotificationSendEntity, record);
        const outcome = await this.notifier.notify(manager, key, {
          accountId: request.accountId,
          organizationId,
          type: request.type,
          text: { title: request.title, body: request.body },
          localized,
          link: request.link,
        });
        record.channels = outcome.channels.join(',');
        record.notificationId = outcome.notification?.id ?? null;
        await manager.update(
          NotificationSendEntity,
          { id: record.id },
          { channels: record.channels, notificationId: record.notificationId },
        );
        return record;
      });
    } catch (error) {
      if (!request.idempotencyKey || !isUniqueViolation(error)) throw error;
      // Another call with this key committed first: answer what it recorded.
      return this.dataSource.manager.findOneByOrFail(NotificationSendEntity, {
        organizationId,
        idempotencyKey: request.idempotencyKey,
      });
    }
  }
}

/** An absolute http(s) URL or a path of the SPA; nothing a browser would run. */
export function isSafeLink(link: string): boolean {
  if (link.startsWith('/')) return !link.startsWith('//') && !link.includes('\\');
  try {
    const url = new URL(link);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function checkRequest(request: SendNotificationRequest): Partial<Record<Locale, NoticeText>> {
  const problems: FieldProblems = {};
  if (request.link !== null && !isSafeLink(request.link))
    problems.link = 'NOTIFICATION_LINK_INVALID';
  const localized: Partial<Record<Locale, NoticeText>> = {};
  request.localized.forEach((entry, index) => {
    const locale = NOTICE_LOCALES.find((known) => known === entry.locale);
    if (!locale) {
      problems[`localized.${index}.locale`] = {
        reason: 'NOTIFICATION_LOCALE_UNSUPPORTED',
        params: { locales: NOTICE_LOCALES.join(', ') },
      };
    } else localized[locale] = { title: entry.title, body: entry.body };
  });
  if (Object.keys(problems).length > 0) throw badUserInput(problems);
  return localized;
}
