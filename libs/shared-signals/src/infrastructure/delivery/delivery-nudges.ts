import { EventEmitter } from 'node:events';
import { Injectable, Logger } from '@nestjs/common';
import { AfterCommit, type AfterCommitWork, QueueRegistry } from '#libs/platform';

/** The BullMQ queue of Shared Signals deliveries (one job: push one stream's pending events). */
export const SSF_QUEUE = 'ssf';
export const DELIVER_STREAM_JOB = 'deliver-stream';

// BullMQ waits for a connection without a limit; a nudge that has not gone out by then is the sweeper's.
const NUDGE_TIMEOUT_MS = 2_000;

/**
 * After a transaction that appended events commits: a job per stream on the `ssf` queue (the worker
 * pushes at once) and a local signal for the long polls waiting on this instance. Neither is awaited
 * by the change — its answer never waits for Redis — and neither is needed for safety: PostgreSQL
 * holds the events and the worker's sweeper finds whatever a lost nudge missed.
 */
@Injectable()
export class DeliveryNudges {
  private readonly logger = new Logger(DeliveryNudges.name);
  private readonly local = new EventEmitter().setMaxListeners(0);
  private readonly work: AfterCommitWork<Set<string>> = {
    open: () => new Set(),
    committed: async (streamIds) => {
      for (const streamId of streamIds) this.nudge(streamId);
    },
  };

  constructor(
    private readonly afterCommit: AfterCommit,
    private readonly queues: QueueRegistry,
  ) {}

  /** Called as an event is appended: nudges once the transaction commits (at once outside one). */
  appended(streamId: string): void {
    const pending = this.afterCommit.collect(this.work);
    if (pending) pending.add(streamId);
    else this.nudge(streamId);
  }

  /** Resolves at the next event of `streamId` on this instance, or after `ms`. */
  next(streamId: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.local.off(streamId, done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      this.local.on(streamId, done);
    });
  }

  private nudge(streamId: string): void {
    this.local.emit(streamId);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not take the job within ${NUDGE_TIMEOUT_MS} ms`)), NUDGE_TIMEOUT_MS);
    });
    const job = this.queues
      .get(SSF_QUEUE)
      .add(DELIVER_STREAM_JOB, { streamId }, { attempts: 1, removeOnComplete: true, removeOnFail: true });
    void Promise.race([job, timeout])
      .catch((error: Error) => this.logger.debug(`Shared Signals nudge not queued (the sweeper delivers): ${error.message}`))
      .finally(() => clearTimeout(timer));
  }
}
