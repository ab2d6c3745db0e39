import { Injectable, Logger } from '@nestjs/common';
import { parseMailJob, secretsErased } from '../../domain/parse-mail-job.js';
import { MailJobScrubber } from '../ports/mail-job-scrubber.port.js';
import { MailRenderer } from '../ports/mail-renderer.port.js';
import { MailTransport } from '../ports/mail-transport.port.js';
import { SentMailLedger } from '../ports/sent-mail-ledger.port.js';
import { MailDeliveryInProgressError } from './mail-delivery.errors.js';
import { MailDeliveryOptions } from './mail-delivery.options.js';

export interface MailJobInput {
  jobId: string;
  name: string;
  data: unknown;
}

export type MailDeliveryOutcome = 'sent' | 'already-sent';

/**
 * Sends the e-mail of one `mail` job at most once per job id, as far as a crash allows:
 * claim the job in `sent_mails` (a lease), send, record it sent. A retry finds it sent and
 * skips. The one window left: a crash after the server accepted the message and before the
 * record, which sends it again once the lease has expired (with the same Message-ID).
 * Once the e-mail has left, the link is erased from the job's stored copies (docs/security.md); a job
 * that comes back erased (relayed again) is recognised from the ledger.
 */
@Injectable()
export class DeliverMailHandler {
  private readonly logger = new Logger(DeliverMailHandler.name);

  constructor(
    private readonly ledger: SentMailLedger,
    private readonly transport: MailTransport,
    private readonly renderer: MailRenderer,
    private readonly options: MailDeliveryOptions,
    private readonly scrubber: MailJobScrubber,
  ) {}

  async execute({ jobId, name, data }: MailJobInput): Promise<MailDeliveryOutcome> {
    const outcome = secretsErased(data) && (await this.ledger.isSent(jobId)) ? 'already-sent' : await this.deliver(jobId, name, data);
    // Also after "already-sent": a retry finishes an erasure that failed after the send.
    await this.scrubber.scrub(jobId);
    return outcome;
  }

  private async deliver(jobId: string, name: string, data: unknown): Promise<MailDeliveryOutcome> {
    const job = parseMailJob(name, data);
    const mail = this.renderer.render(job);
    const claim = await this.ledger.claim(jobId, job.name, this.options.claimLeaseMs);
    if (claim.outcome === 'sent') return 'already-sent';
    if (claim.outcome === 'busy') throw new MailDeliveryInProgressError(jobId);
    let messageId: string | undefined;
    try {
      ({ messageId } = await this.transport.send({ to: job.payload.to, ...mail, idempotencyKey: jobId }));
    } catch (error) {
      await this.ledger.release(jobId, claim.claimToken).catch(() => undefined);
      throw error;
    }
    if (!(await this.ledger.markSent(jobId, claim.claimToken, messageId ?? null))) {
      this.logger.warn(`Mail job ${jobId} (${job.name}) was sent after its claim had expired; another attempt may have sent it too`);
    }
    return 'sent';
  }
}
