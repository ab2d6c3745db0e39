import { randomUUID } from 'node:crypto';
import { type MailClaim, SentMailLedger } from '../../application/ports/sent-mail-ledger.port.js';

interface Row {
  template: string;
  status: 'sending' | 'sent';
  claimToken: string;
  leaseUntil: number;
  messageId: string | null;
}

/** `sent_mails` in memory, with the PostgreSQL ledger's semantics; time comes from `now`. */
export class InMemorySentMailLedger extends SentMailLedger {
  readonly rows = new Map<string, Row>();

  constructor(private readonly now: () => number = Date.now) {
    super();
  }

  async claim(jobId: string, template: string, leaseMs: number): Promise<MailClaim> {
    const row = this.rows.get(jobId);
    if (row?.status === 'sent') return { outcome: 'sent' };
    if (row && row.leaseUntil > this.now()) return { outcome: 'busy' };
    const claimToken = randomUUID();
    this.rows.set(jobId, { template, status: 'sending', claimToken, leaseUntil: this.now() + leaseMs, messageId: null });
    return { outcome: 'claimed', claimToken };
  }

  async markSent(jobId: string, claimToken: string, messageId: string | null): Promise<boolean> {
    const row = this.rows.get(jobId);
    if (row?.status !== 'sending' || row.claimToken !== claimToken) return false;
    Object.assign(row, { status: 'sent', leaseUntil: this.now(), messageId });
    return true;
  }

  async isSent(jobId: string): Promise<boolean> {
    return this.rows.get(jobId)?.status === 'sent';
  }

  async release(jobId: string, claimToken: string): Promise<void> {
    const row = this.rows.get(jobId);
    if (row?.status === 'sending' && row.claimToken === claimToken) row.leaseUntil = this.now();
  }
}
