import { Injectable, Logger } from '@nestjs/common';
import type { MailReceipt } from '../ports/mail-transport.port.js';
import { SentMailLedger } from '../ports/sent-mail-ledger.port.js';
import { MailDeliveryInProgressError } from './mail-delivery.errors.js';
import { MailDeliveryOptions } from './mail-delivery.options.js';

export type MailDeliveryOutcome = 'sent' | 'already-sent';

/**
 * The `sent_mails` side of "at most once per job id, as far as a crash allows": claim the job
 * (a lease), send, record it sent. A retry finds it sent and skips. The one window left: a crash
 * after the server accepted the message and before the record, which sends it again once the
 * lease has expired (with the same Message-ID, derived from the job id by the transports).
 */
@Injectable()
export class OncePerJob {
  private readonly logger = new Logger(OncePerJob.name);

  constructor(
    private readonly ledger: SentMailLedger,
    private readonly options: MailDeliveryOptions,
  ) {}

  /** Whether the job's e-mail was recorded sent: how a settled job (its link erased) relayed again is recognised. */
  wasSent(jobId: string): Promise<boolean> {
    return this.ledger.isSent(jobId);
  }

  /**
   * Runs `send` only under this attempt's claim on the job. A failed send gives the claim up at
   * once (the next retry need not wait out the lease) and fails as it did; another live attempt's
   * claim fails with `MailDeliveryInProgressError`, retried with backoff.
   */
  async send(jobId: string, template: string, send: () => Promise<MailReceipt>): Promise<MailDeliveryOutcome> {
    const claim = await this.ledger.claim(jobId, template, this.options.claimLeaseMs);
    if (claim.outcome === 'sent') return 'already-sent';
    if (claim.outcome === 'busy') throw new MailDeliveryInProgressError(jobId);
    let messageId: string | undefined;
    try {
      ({ messageId } = await send());
    } catch (error) {
      await this.ledger.release(jobId, claim.claimToken).catch(() => undefined);
      throw error;
    }
    if (!(await this.ledger.markSent(jobId, claim.claimToken, messageId ?? null))) {
      this.logger.warn(`Mail job ${jobId} (${template}) was sent after its claim had expired; another attempt may have sent it too`);
    }
    return 'sent';
  }
}
