import { Injectable, Logger } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { AfterCommit, type AfterCommitWork, Outbox, REVOCATION_QUEUE } from '#libs/platform';
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
 * Redis write-through, registered on the caller's transaction (platform's `AfterCommit`): once it
 * commits (and before the caller's `transactional` resolves, so before any HTTP answer) revoked
 * credentials get their markers and new sessions their entries. A rolled-back transaction writes
 * nothing. If Redis cannot be reached, an outbox job writes the markers later; the guard meanwhile
 * distrusts entries older than its reconnection. Publishing never throws.
 */
@Injectable()
export class CacheWriteThrough extends CredentialRevocations {
  private readonly logger = new Logger(CacheWriteThrough.name);
  private readonly publication: AfterCommitWork<Pending> = {
    open: () => ({ revokedKeys: new Set(), sessionIds: new Set(), apiTokenIds: new Set(), fills: [] }),
    committed: (pending) => this.publish(pending),
  };

  constructor(
    private readonly orm: MikroORM,
    private readonly afterCommit: AfterCommit,
    private readonly cache: CredentialCache,
  ) {
    super();
  }

  /**
   * An expiry's half before commit: the credentials are marked pending on Redis and its replicas, or
   * this throws (503) and the caller's transaction rolls back with nothing applied. Then, as for
   * `revoked`, they are denied outright once the transaction commits.
   */
  async revokedBeforeCommit(items: RevokedCredentials): Promise<void> {
    this.revoked(items);
    const keys = [
      ...(items.sessionIds ?? []).map((id) => this.cache.sessionKey(id)),
      ...(items.apiTokens ?? []).map((t) => this.cache.apiTokenKey(t.secretHash)),
    ];
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

  private async publish(pending: Pending): Promise<void> {
    try {
      await this.cache.markRevoked([...pending.revokedKeys]);
    } catch (error) {
      await this.leaveToOutbox(pending, error as Error);
    }
    const fills = pending.fills.filter((fill) => !pending.revokedKeys.has(fill.key));
    await Promise.all(fills.map((fill) => this.cache.fill(fill.key, fill.fields)));
  }

  private current(): Pending {
    const pending = this.afterCommit.collect(this.publication);
    if (!pending) throw new Error('SessionCommands must run inside a transaction');
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
