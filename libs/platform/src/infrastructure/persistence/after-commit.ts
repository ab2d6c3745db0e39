import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { EventSubscriber, TransactionEventArgs } from '@mikro-orm/core';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';

/**
 * Work a module collects while a transaction runs and does once it has committed: `open` makes one
 * transaction's (empty) collection, `committed` acts on it. Declare it once (a field of the
 * provider), since the collections of a transaction are kept per `AfterCommitWork` object.
 */
export interface AfterCommitWork<T> {
  open(): T;
  committed(collected: T): Promise<void>;
}

/** Whatever can tell the transaction it is in: an EntityManager, or the `em` of a MikroORM event. */
export interface InTransaction {
  getTransactionContext(): unknown;
}

/**
 * The one MikroORM after-commit subscriber. A module hands it what to do once the current
 * transaction commits (`collect`); it does it after PostgreSQL has committed and before the
 * caller's `em.transactional(...)` resolves (MikroORM awaits the hook), so before any HTTP answer.
 * A transaction that rolls back does nothing. The works of one transaction run one after the
 * other, in the order they were first collected; if one throws, the others still run and the
 * first error reaches the caller, as a failing subscriber's would.
 *
 * Register from a top-level transaction: MikroORM fires its commit hooks for the outermost
 * transaction only, so what is collected inside a nested one (a savepoint) is never done.
 */
@Injectable()
export class AfterCommit implements EventSubscriber, OnApplicationBootstrap {
  private readonly pending = new WeakMap<object, Map<AfterCommitWork<unknown>, unknown>>();

  constructor(
    private readonly orm: MikroORM,
    private readonly em: EntityManager,
  ) {}

  onApplicationBootstrap(): void {
    this.orm.em.getEventManager().registerSubscriber(this);
  }

  /**
   * `work`'s collection for the transaction `context` is in (by default the current request's or
   * unit of work's), opened on first use; undefined when no transaction is active.
   */
  collect<T>(work: AfterCommitWork<T>, context: InTransaction = this.em): T | undefined {
    const transaction = context.getTransactionContext() as object | undefined;
    if (!transaction) return undefined;
    let collections = this.pending.get(transaction);
    if (!collections) {
      collections = new Map();
      this.pending.set(transaction, collections);
    }
    if (!collections.has(work)) collections.set(work, work.open());
    return collections.get(work) as T;
  }

  async afterTransactionCommit(args: TransactionEventArgs): Promise<void> {
    const collections = args.transaction ? this.pending.get(args.transaction) : undefined;
    if (!collections) return;
    this.pending.delete(args.transaction!);
    const failures: unknown[] = [];
    for (const [work, collected] of collections) {
      try {
        await work.committed(collected);
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length > 0) throw failures[0];
  }

  afterTransactionRollback(args: TransactionEventArgs): void {
    if (args.transaction) this.pending.delete(args.transaction);
  }
}
