import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '#libs/platform';
import { DeliverStreamCommand } from '../../application/commands/deliver-stream/deliver-stream.command.js';
import { DeliverStreamHandler } from '../../application/commands/deliver-stream/deliver-stream.handler.js';
import { EventLog } from '../../application/ports/event-log.port.js';

/** Streams handled by one sweep; the next sweep takes the rest. */
const STREAMS_PER_SWEEP = 200;
/** Finished events older than SSF_EVENT_RETENTION_HOURS are deleted this often. */
const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * The worker's safety net, independent of Redis: every SSF_SWEEP_INTERVAL_MS it delivers the streams
 * whose head is due — events whose nudge was lost (Redis or the worker down at commit), retries whose
 * backoff has elapsed, streams resumed after a pause. Sweeps never overlap.
 */
@Injectable()
export class DeliverySweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeliverySweeper.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;
  private prunedAt = 0;

  constructor(
    private readonly config: AppConfig,
    private readonly log: EventLog,
    private readonly deliver: DeliverStreamHandler,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), this.config.SSF_SWEEP_INTERVAL_MS);
    this.timer.unref();
    void this.sweep();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** One sweep (or the one running); resolves when it is over. */
  sweep(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.running ??= this.deliverDue().finally(() => (this.running = undefined));
    return this.running;
  }

  private async deliverDue(): Promise<void> {
    try {
      if (Date.now() - this.prunedAt > PRUNE_EVERY_MS) {
        this.prunedAt = Date.now();
        await this.log.prune(this.config.SSF_EVENT_RETENTION_HOURS);
      }
      const streams = await this.log.dueStreams(STREAMS_PER_SWEEP);
      await Promise.all(
        streams.map((streamId) =>
          this.deliver
            .execute(new DeliverStreamCommand(streamId))
            .catch((error: Error) => this.logger.warn(`Shared Signals delivery of a stream failed: ${error.message}`)),
        ),
      );
    } catch (error) {
      this.logger.warn(`Shared Signals sweep failed: ${(error as Error).message}`);
    }
  }
}
