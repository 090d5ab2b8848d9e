import {
  EventSubscriber,
  type EntityManager,
  type EntitySubscriberInterface,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';

type Work = () => Promise<void>;

/** Work waiting for the transaction of a query runner to commit (or to be dropped on rollback). */
const pending = new WeakMap<QueryRunner, Work[]>();

/**
 * Runs `work` once the transaction `manager` belongs to has committed, or at once when it
 * belongs to none (its writes are already committed). Dropped if the transaction rolls back.
 */
export async function afterCommit(manager: EntityManager, work: Work): Promise<void> {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) {
    await work();
    return;
  }
  const queue = pending.get(runner) ?? [];
  queue.push(work);
  pending.set(runner, queue);
}

/**
 * TypeORM tells its subscribers when a transaction ends; the outermost commit releases the work
 * waiting for it. Registered on every data source (`subscribers`).
 */
@EventSubscriber()
export class AfterCommitRelay implements EntitySubscriberInterface {
  async afterTransactionCommit({ queryRunner }: TransactionCommitEvent): Promise<void> {
    if (queryRunner.isTransactionActive) return; // a savepoint: the outer transaction goes on
    const queue = pending.get(queryRunner);
    pending.delete(queryRunner);
    for (const work of queue ?? []) await work();
  }

  afterTransactionRollback({ queryRunner }: TransactionRollbackEvent): void {
    if (!queryRunner.isTransactionActive) pending.delete(queryRunner);
  }
}
