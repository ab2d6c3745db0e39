import { Injectable } from '@nestjs/common';
import { parseMailJob, secretsErased } from '../../../domain/parse-mail-job.js';
import { MailJobScrubber } from '../../ports/mail-job-scrubber.port.js';
import { MailRenderer } from '../../ports/mail-renderer.port.js';
import { MailTransport } from '../../ports/mail-transport.port.js';
import { type MailDeliveryOutcome, OncePerJob } from '../../services/once-per-job.service.js';

export interface MailJobInput {
  jobId: string;
  name: string;
  data: unknown;
}

/**
 * Sends the e-mail of one `mail` job at most once per job id (`OncePerJob`). Once the e-mail has
 * left, the link is erased from the job's stored copies (docs/security.md); a job that comes back
 * erased (relayed again) is recognised from the ledger.
 */
@Injectable()
export class DeliverMailHandler {
  constructor(
    private readonly once: OncePerJob,
    private readonly transport: MailTransport,
    private readonly renderer: MailRenderer,
    private readonly scrubber: MailJobScrubber,
  ) {}

  async execute({ jobId, name, data }: MailJobInput): Promise<MailDeliveryOutcome> {
    const outcome = secretsErased(data) && (await this.once.wasSent(jobId)) ? 'already-sent' : await this.deliver(jobId, name, data);
    // Also after "already-sent": a retry finishes an erasure that failed after the send.
    await this.scrubber.scrub(jobId);
    return outcome;
  }

  private deliver(jobId: string, name: string, data: unknown): Promise<MailDeliveryOutcome> {
    const job = parseMailJob(name, data);
    const mail = this.renderer.render(job);
    return this.once.send(jobId, job.name, () => this.transport.send({ to: job.payload.to, ...mail, idempotencyKey: jobId }));
  }
}
