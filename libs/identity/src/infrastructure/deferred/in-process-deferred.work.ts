import { setImmediate as nextTurn } from 'node:timers/promises';
import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { DeferredWork } from '../../application/ports/deferred-work.port.js';

/**
 * Runs deferred work in this process, on a later turn of the event loop than the answer, with
 * its own MikroORM context (not the request's identity map). Shutdown waits for what is running.
 */
@Injectable()
export class InProcessDeferredWork extends DeferredWork implements BeforeApplicationShutdown {
  private readonly logger = new Logger(InProcessDeferredWork.name);
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly orm: MikroORM) {
    super();
  }

  defer(description: string, work: () => Promise<void>): void {
    const run: Promise<void> = nextTurn()
      .then(() => RequestContext.create(this.orm.em, work))
      .catch((error: Error) => this.logger.error(`${description} failed: ${error.message}`, error.stack))
      .finally(() => this.running.delete(run));
    this.running.add(run);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.running);
  }
}
