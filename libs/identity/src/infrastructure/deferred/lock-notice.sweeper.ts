import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { FailedEntries } from '../../application/services/failed-entries.service.js';
import { AccountRepository } from '../../domain/account.repository.js';

const SWEEP_INTERVAL_MS = 30_000;
const BATCH = 50;

/**
 * A lock's notice is sent after the answer (InProcessDeferredWork); its duty is stored with the lock.
 * If the process died (or the database failed) before the notice was queued, this finds the duty on
 * any instance and sends it. Each notice is claimed in the transaction that queues it, so a sweep beside
 * a deferred sender, or on several instances, still sends it once.
 */
@Injectable()
export class LockNoticeSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(LockNoticeSweeper.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly orm: MikroORM,
    private readonly accounts: AccountRepository,
    private readonly failedEntries: FailedEntries,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(
      () => void this.sweep().catch((error: Error) => this.logger.warn(`Lock notice sweep failed: ${error.message}`)),
      SWEEP_INTERVAL_MS,
    );
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Sends every pending lock notice it finds; returns how many it looked at. */
  sweep(): Promise<number> {
    return RequestContext.create(this.orm.em, async () => {
      const pending = await this.accounts.withPendingLockNotice(BATCH);
      for (const accountId of pending) await this.failedEntries.sendPendingNotice(accountId);
      return pending.length;
    });
  }
}
