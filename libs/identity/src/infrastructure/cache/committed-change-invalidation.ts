import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { ChangeSet, EventSubscriber, FlushEventArgs } from '@mikro-orm/core';
import { MikroORM } from '@mikro-orm/postgresql';
import { AfterCommit, type AfterCommitWork } from '#libs/platform';
import { Account } from '../../domain/account.aggregate.js';
import { Organization } from '../../domain/organization.aggregate.js';
import { CachedMeViewReader } from './cached-me-view.reader.js';
import { CachedOrganizationReader } from './cached-organization.reader.js';

/** The account columns `GET /v1/me` shows; a flush that changes none of them keeps the cached view. */
const ACCOUNT_VIEW_FIELDS = ['email', 'locale', 'passwordChangedAt', 'organizationId'];

type Forget = () => Promise<void>;

/**
 * Drops what identity keeps in memory (an account's `/v1/me` view, an organization read by name)
 * on every instance after a transaction that changed it commits — never before, or another instance
 * could read the old row again and keep it. Rolled-back transactions drop nothing. It watches
 * flushes for what changed; platform's `AfterCommit` holds it until the commit.
 */
@Injectable()
export class CommittedChangeInvalidation implements EventSubscriber, OnApplicationBootstrap {
  /** Per transaction, what to forget by key (an account or organization changed twice is forgotten once). */
  private readonly invalidation: AfterCommitWork<Map<string, Forget>> = {
    open: () => new Map(),
    committed: (changed) => this.forget(changed),
  };

  constructor(
    private readonly orm: MikroORM,
    private readonly afterCommit: AfterCommit,
    private readonly views: CachedMeViewReader,
    private readonly organizations: CachedOrganizationReader,
  ) {}

  onApplicationBootstrap(): void {
    this.orm.em.getEventManager().registerSubscriber(this);
  }

  async afterFlush(args: FlushEventArgs): Promise<void> {
    const changed = new Map<string, Forget>();
    for (const changeSet of args.uow.getChangeSets()) this.collect(changeSet, changed);
    if (changed.size === 0) return;
    const pending = this.afterCommit.collect(this.invalidation, args.em);
    // A flush outside an explicit transaction has committed by now.
    if (!pending) return this.forget(changed);
    for (const [key, forget] of changed) pending.set(key, forget);
  }

  private collect(changeSet: ChangeSet<object>, into: Map<string, Forget>): void {
    const { entity, payload } = changeSet;
    if (entity instanceof Account && ACCOUNT_VIEW_FIELDS.some((field) => field in payload)) {
      into.set(`account:${entity.id}`, () => this.views.forget(entity.id));
    } else if (entity instanceof Organization && changeSet.type !== 'create') {
      into.set(`organization:${entity.name}`, () => this.organizations.forget(entity.name));
    }
  }

  private async forget(changed: Map<string, Forget>): Promise<void> {
    await Promise.all([...changed.values()].map((forget) => forget()));
  }
}
