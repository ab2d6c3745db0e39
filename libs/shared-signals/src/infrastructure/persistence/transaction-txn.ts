import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { ActionTxn } from '../../application/ports/action-txn.port.js';

/** One `txn` per database transaction (an action is one transaction); a fresh one outside any. */
@Injectable()
export class TransactionTxn extends ActionTxn {
  private readonly byTransaction = new WeakMap<object, string>();

  constructor(private readonly em: EntityManager) {
    super();
  }

  current(): string {
    const transaction = this.em.getTransactionContext() as object | undefined;
    if (!transaction) return randomUUID();
    let txn = this.byTransaction.get(transaction);
    if (!txn) {
      txn = randomUUID();
      this.byTransaction.set(transaction, txn);
    }
    return txn;
  }
}
