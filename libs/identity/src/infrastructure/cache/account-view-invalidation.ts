import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { EventSubscriber, FlushEventArgs, TransactionEventArgs } from '@mikro-orm/core';
import { MikroORM } from '@mikro-orm/postgresql';
import { Account } from '../../domain/account.aggregate.js';
import { CachedMeViewReader } from './cached-me-view.reader.js';

/** The account columns `GET /v1/me` shows; a flush that changes none of them keeps the cached view. */
const VIEW_FIELDS = ['email', 'locale', 'passwordChangedAt', 'organizationId'] as const;

/**
 * Drops an account's cached view on every instance after a transaction that changed it commits
 * (never before: another instance could read the old row again and keep it). Rolled-back
 * transactions drop nothing.
 */
@Injectable()
export class AccountViewInvalidation implements EventSubscriber, OnApplicationBootstrap {
  private readonly pending = new WeakMap<object, Set<string>>();

  constructor(
    private readonly orm: MikroORM,
    private readonly views: CachedMeViewReader,
  ) {}

  onApplicationBootstrap(): void {
    this.orm.em.getEventManager().registerSubscriber(this);
  }

  async afterFlush(args: FlushEventArgs): Promise<void> {
    const changed = args.uow
      .getChangeSets()
      .filter((changeSet) => changeSet.entity instanceof Account && VIEW_FIELDS.some((field) => field in changeSet.payload))
      .map((changeSet) => (changeSet.entity as Account).id);
    if (changed.length === 0) return;
    const transaction = args.em.getTransactionContext() as object | undefined;
    // A flush outside an explicit transaction has committed by now.
    if (!transaction) return this.forget(changed);
    const ids = this.pending.get(transaction) ?? new Set<string>();
    for (const id of changed) ids.add(id);
    this.pending.set(transaction, ids);
  }

  async afterTransactionCommit(args: TransactionEventArgs): Promise<void> {
    const ids = args.transaction ? this.pending.get(args.transaction) : undefined;
    if (!ids) return;
    this.pending.delete(args.transaction!);
    await this.forget([...ids]);
  }

  afterTransactionRollback(args: TransactionEventArgs): void {
    if (args.transaction) this.pending.delete(args.transaction);
  }

  private async forget(ids: string[]): Promise<void> {
    await Promise.all(ids.map((id) => this.views.forget(id)));
  }
}
