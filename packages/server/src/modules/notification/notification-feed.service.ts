import { In, IsNull, LessThan, Not, type DataSource } from 'typeorm';
import { requirePerson, type Caller } from '../../caller/caller';
import type { DomainEvents } from '../../events/domain-events';
import type { Page, PageRequest } from '../../graphql/connection';
import { badUserInput } from '../../graphql/errors';
import { NotificationEntity } from './notification.entities';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Read notifications are kept this long, then pruned. */
export const READ_RETENTION_MS = 90 * DAY_MS;
/** Ids one markNotificationsRead may name. */
export const MAX_MARK_IDS = 100;

/** A person's in-app feed: newest first, the unread count, marking read, pruning. */
export class NotificationFeedService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
  ) {}

  async list(
    caller: Caller,
    page: PageRequest,
    unreadOnly: boolean,
  ): Promise<Page<NotificationEntity>> {
    const accountId = requirePerson(caller).account.id;
    const query = this.dataSource
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .where('n.account_id = :accountId', { accountId })
      .orderBy('n.id', 'DESC')
      .take(page.first + 1);
    if (unreadOnly) query.andWhere('n.read_at IS NULL');
    if (page.afterKey) query.andWhere('n.id < :after', { after: page.afterKey });
    const rows = await query.getMany();
    return { nodes: rows.slice(0, page.first), hasNextPage: rows.length > page.first };
  }

  /** Counted by the database each time: one truth, no counter to drift. */
  unreadCount(accountId: string): Promise<number> {
    return this.dataSource
      .getRepository(NotificationEntity)
      .countBy({ accountId, readAt: IsNull() });
  }

  async myUnreadCount(caller: Caller): Promise<number> {
    return this.unreadCount(requirePerson(caller).account.id);
  }

  /** Marks some of my notifications read; others' ids change nothing. Returns how many changed. */
  async markRead(caller: Caller, ids: readonly string[]): Promise<number> {
    const person = requirePerson(caller);
    if (ids.length > MAX_MARK_IDS) {
      throw badUserInput({
        ids: { reason: 'NOTIFICATION_IDS_TOO_MANY', params: { max: MAX_MARK_IDS } },
      });
    }
    if (ids.length === 0) return 0;
    return this.mark(person.account.id, caller, { id: In([...new Set(ids)]) });
  }

  async markAllRead(caller: Caller): Promise<number> {
    const person = requirePerson(caller);
    return this.mark(person.account.id, caller, {});
  }

  /** Deletes read notifications older than 90 days; returns how many. */
  async prune(now = new Date()): Promise<number> {
    const result = await this.dataSource.getRepository(NotificationEntity).delete({
      readAt: Not(IsNull()),
      createdAt: LessThan(new Date(now.getTime() - READ_RETENTION_MS)),
    });
    return result.affected ?? 0;
  }

  private mark(accountId: string, caller: Caller, where: { id?: ReturnType<typeof In> }) {
    return this.dataSource.transaction(async (manager) => {
      const result = await manager.update(
        NotificationEntity,
        { accountId, readAt: IsNull(), ...where },
        { readAt: new Date() },
      );
      const count = result.affected ?? 0;
      if (count > 0) {
        await this.events.emit(manager, {
          type: 'notification.read',
          caller,
          accountId,
          data: { count },
        });
      }
      return count;
    });
  }
}
