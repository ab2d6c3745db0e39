import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { EventSubscriber, TransactionEventArgs } from '@mikro-orm/core';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Outbox, REVOCATION_QUEUE } from '#libs/platform';
import { CredentialRevocations, type RevokedCredentials } from '../../application/ports/credential-revocations.port.js';
import type { Session } from '../../domain/session.aggregate.js';
import { RevocationUnavailableError } from '../../domain/sessions.errors.js';
import { sessionCacheFields } from './cache-fields.js';
import { CredentialCache, RevocationNotPublishedError } from './credential-cache.js';

export const INVALIDATE_CACHE_JOB = 'invalidate-cache';

interface Pending {
  revokedKeys: Set<string>;
  /** Revoked ids, for the outbox job when the markers cannot be written now. */
  sessionIds: Set<string>;
  apiTokenIds: Set<string>;
  fills: Array<{ key: string; fields: Array<string | number> }>;
}

/**
 * Redis write-through, registered on the caller's transaction: once it commits (and before the
 * caller's `transactional` resolves, so before any HTTP answer) revoked credentials get their
 * markers and new sessions their entries. A rolled-back transaction writes nothing. If Redis
 * cannot be reached, an outbox job writes the markers later; the guard meanwhile distrusts
 * entries older than its reconnection.
 */
@Injectable()
export class CacheWriteThrough extends CredentialRevocations implements EventSubscriber, OnApplicationBootstrap {
  private readonly logger = new Logger(CacheWriteThrough.name);
  private readonly pending = new WeakMap<object, Pending>();

  constructor(
    private readonly orm: MikroORM,
    private readonly em: EntityManager,
    private readonly cache: CredentialCache,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.orm.em.getEventManager().registerSubscriber(this);
  }

  /**
   * An expiry's half before commit: the credentials are marked pending on Redis and its replicas, or
   * this throws (503) and the caller's transaction rolls back with nothing applied. Then, as for
   * `revoked`, they are denied outright once the transaction commits.
   */
  async revokedBeforeCommit(items: RevokedCredentials): Promise<void> {
    this.revoked(items);
    const keys = [...(items.sessionIds ?? []).map((id) => this.cache.sessionKey(id)), ...(items.apiTokens ?? []).map((t) => this.cache.apiTokenKey(t.secretHash))];
    try {
      await this.cache.markPending(keys);
    } catch (error) {
      if (!(error instanceof RevocationNotPublishedError)) throw error;
      this.logger.warn(`${error.message}; the expiry is refused (503) and rolled back`);
      throw new RevocationUnavailableError();
    }
  }

  revoked(items: RevokedCredentials): void {
    const pending = this.current();
    for (const id of items.sessionIds ?? []) {
      pending.sessionIds.add(id);
      pending.revokedKeys.add(this.cache.sessionKey(id));
    }
    for (const token of items.apiTokens ?? []) {
      pending.apiTokenIds.add(token.id);
      pending.revokedKeys.add(this.cache.apiTokenKey(token.secretHash));
    }
  }

  sessionOpened(session: Pick<Session, 'id' | 'accountId' | 'organizationId' | 'expiresAt'>, credentialVersion: number): void {
    this.current().fills.push({ key: this.cache.sessionKey(session.id), fields: sessionCacheFields(session, credentialVersion) });
  }

  async afterTransactionCommit(args: TransactionEventArgs): Promise<void> {
    const pending = args.transaction ? this.pending.get(args.transaction) : undefined;
    if (!pending) return;
    this.pending.delete(args.transaction!);
    try {
      await this.cache.markRevoked([...pending.revokedKeys]);
    } catch (error) {
      await this.leaveToOutbox(pending, error as Error);
    }
    const fills = pending.fills.filter((fill) => !pending.revokedKeys.has(fill.key));
    await Promise.all(fills.map((fill) => this.cache.fill(fill.key, fill.fields)));
  }

  afterTransactionRollback(args: TransactionEventArgs): void {
    if (args.transaction) this.pending.delete(args.transaction);
  }

  private current(): Pending {
    const transaction = this.em.getTransactionContext();
    if (!transaction) throw new Error('SessionCommands must run inside a transaction');
    let pending = this.pending.get(transaction);
    if (!pending) {
      pending = { revokedKeys: new Set(), sessionIds: new Set(), apiTokenIds: new Set(), fills: [] };
      this.pending.set(transaction, pending);
    }
    return pending;
  }

  private async leaveToOutbox(pending: Pending, error: Error): Promise<void> {
    this.logger.warn(`Revocation markers not written (${error.message}); left to the revocation queue`);
    try {
      const em = this.orm.em.fork();
      await em.transactional(async (tx) =>
        new Outbox(tx).add({
          queue: REVOCATION_QUEUE,
          name: INVALIDATE_CACHE_JOB,
          payload: { sessionIds: [...pending.sessionIds], apiTokenIds: [...pending.apiTokenIds] },
        }),
      );
    } catch (outboxError) {
      this.logger.error(`Revocation clean-up could not be queued: ${(outboxError as Error).message}`);
    }
  }
}
