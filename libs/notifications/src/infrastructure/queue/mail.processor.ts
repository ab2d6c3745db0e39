import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import { MAIL_QUEUE, processInTrace } from '#libs/platform';
import { DeliverMailHandler } from '../../application/commands/deliver-mail/deliver-mail.handler.js';
import { GiveUpMailHandler } from '../../application/commands/give-up-mail/give-up-mail.handler.js';
import type { MailDeliveryOutcome } from '../../application/services/once-per-job.service.js';
import { InvalidMailJobError } from '../../domain/mail-job.errors.js';

/**
 * Queue `mail`. Retries and their exponential backoff are the job's own options, set when the
 * outbox relay enqueues it. A short lock makes a job of a killed worker return to the queue
 * within seconds (a mail job takes milliseconds; the lock is renewed while it runs).
 * A job given up (a broken contract, or its last attempt failed) has its link erased before
 * BullMQ files it as failed; a sent one, by the handler.
 */
@Processor(MAIL_QUEUE, { concurrency: 4, lockDuration: 10_000, stalledInterval: 5_000 })
export class MailProcessor extends WorkerHost {
  private readonly logger = new Logger(MailProcessor.name);

  constructor(
    private readonly deliverMail: DeliverMailHandler,
    private readonly giveUpMail: GiveUpMailHandler,
  ) {
    super();
  }

  /** In the trace of the change that queued the mail, when tracing is on (docs/operations.md#tracing). */
  process(job: Job): Promise<MailDeliveryOutcome> {
    return processInTrace(MAIL_QUEUE, job, () => this.deliver(job));
  }

  private async deliver(job: Job): Promise<MailDeliveryOutcome> {
    const label = `Mail job ${job.id} (${job.name})`;
    try {
      const outcome = await this.deliverMail.execute({ jobId: String(job.id), name: job.name, data: job.data });
      this.logger.log(`${label}: ${outcome}`);
      return outcome;
    } catch (error) {
      // The payload is never logged: it carries a reset link.
      if (error instanceof InvalidMailJobError) {
        this.logger.error(`${label} dropped without retry: ${error.problems.join('; ')}`);
        await this.giveUp(job, label);
        throw new UnrecoverableError(error.message);
      }
      this.logger.warn(`${label} attempt ${job.attemptsMade + 1} failed: ${(error as Error).message}`);
      if (job.attemptsMade + 1 >= (job.opts?.attempts ?? 1)) await this.giveUp(job, label);
      throw error;
    }
  }

  private async giveUp(job: Job, label: string): Promise<void> {
    try {
      await this.giveUpMail.execute({ jobId: String(job.id) });
      this.logger.warn(`${label} given up; its link is erased`);
    } catch (error) {
      this.logger.error(`${label} given up, but its link could not be erased: ${(error as Error).message}`);
    }
  }

  /**
   * A job can also fail for good without `process` running: one that stalled too often (its
   * worker died with it, twice) is failed by BullMQ when it is next taken. Its link is erased
   * here; for the jobs `process` gave up itself this second erasure is a no-op.
   */
  @OnWorkerEvent('failed')
  async onFailed(job: Job | undefined): Promise<void> {
    if (!job?.finishedOn) return;
    await this.giveUpMail.execute({ jobId: String(job.id) }).catch((error: Error) => {
      this.logger.error(`Mail job ${job.id} (${job.name}) failed, but its link could not be erased: ${error.message}`);
    });
  }

  /** Connection errors (a Redis outage): BullMQ reconnects by itself; /health reports the outage. */
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.debug(`Mail worker: ${error.message}`);
  }
}
