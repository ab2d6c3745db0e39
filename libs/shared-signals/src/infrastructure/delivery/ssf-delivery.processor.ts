import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DeliverStreamCommand } from '../../application/commands/deliver-stream/deliver-stream.command.js';
import { DeliverStreamHandler } from '../../application/commands/deliver-stream/deliver-stream.handler.js';
import { DELIVER_STREAM_JOB, SSF_QUEUE } from './delivery-nudges.js';

/**
 * Queue `ssf`: a job pushes one stream's pending events. Streams are delivered in parallel (one job
 * per stream at a time, by the stream's lease); a job that fails is not retried by BullMQ — the
 * events stay pending in PostgreSQL and the sweeper delivers them.
 */
@Processor(SSF_QUEUE, { concurrency: 16 })
export class SsfDeliveryProcessor extends WorkerHost {
  private readonly logger = new Logger(SsfDeliveryProcessor.name);

  constructor(private readonly deliver: DeliverStreamHandler) {
    super();
  }

  async process(job: Job<{ streamId: string }>): Promise<void> {
    if (job.name !== DELIVER_STREAM_JOB) throw new Error(`unknown ssf job ${job.name}`);
    await this.deliver.execute(new DeliverStreamCommand(job.data.streamId));
  }

  /** Connection errors (a Redis outage): BullMQ reconnects by itself, and the sweeper delivers meanwhile. */
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.debug(`Shared Signals worker: ${error.message}`);
  }
}
