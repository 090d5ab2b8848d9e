import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import type { Caller, ClientInfo } from '../caller/caller';
import { afterCommit } from './after-commit';

/**
 * Every domain event type and its data. Each module declares its own by merging into this
 * interface (`declare module '…/events/domain-events' { interface DomainEventCatalog { … } }`),
 * next to the service that emits them.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DomainEventCatalog {}

export type DomainEventType = keyof DomainEventCatalog & string;

/** What happened, to whom, by whom and from where: recorded in the change's own transaction. */
export interface DomainEvent<T extends DomainEventType = DomainEventType> {
  readonly type: T;
  /** Who made it happen: a person, an API key, or nobody yet (a sign-in, a reset link). */
  readonly caller: Caller;
  /** The account it happened to, if any. */
  readonly accountId: string | null;
  /** The organization it happened in, if any. */
  readonly organizationId: string | null;
  readonly client: ClientInfo;
  readonly data: DomainEventCatalog[T];
  readonly occurredAt: Date;
}

export interface NewDomainEvent<T extends DomainEventType> {
  type: T;
  caller: Caller;
  accountId?: string | null;
  organizationId?: string | null;
  data: DomainEventCatalog[T];
}

type InTransaction<T extends DomainEventType> = (
  event: DomainEvent<T>,
  manager: EntityManager,
) => Promise<void>;
type AfterCommit<T extends DomainEventType> = (event: DomainEvent<T>) => void | Promise<void>;

/** How a module reacts to events; see `DomainEvents.inTransaction` and `afterCommit`. */
export type EventSubscriber = (events: DomainEvents) => void;

/**
 * The domain event dispatcher. A service calls `emit(manager, event)` inside the transaction of
 * its change. Subscribers registered by the modules act on it in two ways:
 * - `inTransaction`: durable work written with the same manager (a timeline row, a queued mail
 *   or webhook job), so it commits or rolls back with the change itself;
 * - `afterCommit`: ephemeral work once the change is visible (a live publication); its failure
 *   is logged and never fails the request that made the change.
 */
export class DomainEvents {
  private readonly inTransactionHandlers = new Map<string, Array<InTransaction<DomainEventType>>>();
  private readonly afterCommitHandlers = new Map<string, Array<AfterCommit<DomainEventType>>>();

  constructor(private readonly logger: Logger) {}

  inTransaction<T extends DomainEventType>(types: T | readonly T[], handler: InTransaction<T>) {
    for (const type of typeof types === 'string' ? [types] : types) {
      const list = this.inTransactionHandlers.get(type) ?? [];
      list.push(handler as unknown as InTransaction<DomainEventType>);
      this.inTransactionHandlers.set(type, list);
    }
  }

  afterCommit<T extends DomainEventType>(types: T | readonly T[], handler: AfterCommit<T>) {
    for (const type of typeof types === 'string' ? [types] : types) {
      const list = this.afterCommitHandlers.get(type) ?? [];
      list.push(handler as unknown as AfterCommit<DomainEventType>);
      this.afterCommitHandlers.set(type, list);
    }
  }

  async emit<T extends DomainEventType>(
    manager: EntityManager,
    input: NewDomainEvent<T>,
  ): Promise<void> {
    const event: DomainEvent = {
      type: input.type,
      caller: input.caller,
      accountId: input.accountId ?? null,
      organizationId: input.organizationId ?? null,
      client: input.caller.client,
      data: input.data,
      occurredAt: new Date(),
    };
    for (const handler of this.handlersOf(this.inTransactionHandlers, event.type)) {
      await handler(event, manager);
    }
    const committed = this.handlersOf(this.afterCommitHandlers, event.type);
    if (committed.length === 0) return;
    await afterCommit(manager, async () => {
      for (const handler of committed) {
        try {
          await handler(event);
        } catch (error) {
          this.logger.error({ err: error, event: event.type }, 'after-commit subscriber failed');
        }
      }
    });
  }

  private handlersOf<H>(handlers: Map<string, Array<H>>, type: string): Array<H> {
    return handlers.get(type) ?? [];
  }
}
