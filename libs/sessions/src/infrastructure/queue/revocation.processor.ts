import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { REVOCATION_QUEUE } from '#libs/platform';
import { CREDENTIALS_EXPIRED_JOB } from '../../application/ports/revocation-jobs.port.js';
import { INVALIDATE_CACHE_JOB } from '../cache/cache-write-through.js';
import { type CredentialsExpiredPayload, type InvalidateCachePayload, RevocationCleanUp } from './revocation-clean-up.js';

/** Queue `revocation`: every job is idempotent, so a retry or a second delivery is harmless. */
@Processor(REVOCATION_QUEUE)
export class RevocationProcessor extends WorkerHost {
  private readonly logger = new Logger(RevocationProcessor.name);

  constructor(private readonly cleanUp: RevocationCleanUp) {
    super();
  }

  async process(job: Job): Promise<void> {
    switch (job.name) {
      case CREDENTIALS_EXPIRED_JOB:
        return this.cleanUp.credentialsExpired(job.data as CredentialsExpiredPayload);
      case INVALIDATE_CACHE_JOB:
        return this.cleanUp.invalidateCache(job.data as InvalidateCachePayload);
      default:
        throw new Error(`unknown revocation job ${job.name}`);
    }
  }

  /** Connection errors (a Redis outage): BullMQ reconnects by itself; /health reports the outage. */
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.debug(`Revocation worker: ${error.message}`);
  }
}
