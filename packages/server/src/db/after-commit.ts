import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner } from 'typeorm';
import type { Logger } from 'pino';

/**
 * Runs callbacks once the transaction they were registered in has committed (never when it rolls
 * back), through a TypeORM subscriber on the data source. For follow-ups that are only hints,
 * such as waking the job runner: a callback's failure is logged, never the caller's problem.
 */
export class AfterCommit {
  private readonly waiting = new WeakMap<QueryRunner, Array<() => void>>();

  constructor(
    dataSource: DataSource,
    private readonly logger: Logger,
  ) {
    const subscriber: EntitySubscriberInterface = {
      afterTransactionCommit: ({ queryRunner }) => this.settle(queryRunner, true),
      afterTransactionRollback: ({ queryRunner }) => this.settle(queryRunner, false),
    };
    dataSource.subscribers.push(subscriber);
  }

  /** Calls `callback` after `manager`'s transaction commits, or at once outside a transaction. */
  run(manager: EntityManager, callback: () => void): void {
    const queryRunner = manager.queryRunner;
    if (!queryRunner?.isTransactionActive) {
      this.call(callback);
      return;
    }
    const callbacks = this.waiting.get(queryRunner) ?? [];
    callbacks.push(callback);
    this.waiting.set(queryRunner, callbacks);
  }

  private settle(queryRunner: QueryRunner, committed: boolean): void {
    // A savepoint released or rolled back inside an outer transaction settles nothing yet.
    if (queryRunner.isTransactionActive) return;
    const callbacks = this.waiting.get(queryRunner);
    if (!callbacks) return;
    this.waiting.delete(queryRunner);
    if (committed) for (const callback of callbacks) this.call(callback);
  }

  private call(callback: () => void): void {
    try {
      callback();
    } catch (error) {
      this.logger.warn({ err: error }, 'after-commit callback failed');
    }
  }
}
