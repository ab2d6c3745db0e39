/**
 * `claimed`: this attempt owns the job until `leaseMs` has passed and must send it;
 * `sent`: an earlier attempt already sent it; `busy`: another live attempt holds it.
 */
export type MailClaim = { outcome: 'claimed'; claimToken: string } | { outcome: 'sent' } | { outcome: 'busy' };

/** What the mail worker has sent (table `sent_mails`), so a job run twice sends one e-mail. */
export abstract class SentMailLedger {
  abstract claim(jobId: string, template: string, leaseMs: number): Promise<MailClaim>;
  /** Records the send; false when the claim was lost to another attempt meanwhile (lease expired). */
  abstract markSent(jobId: string, claimToken: string, messageId: string | null): Promise<boolean>;
  /** Whether the job's e-mail was recorded sent (a settled job whose link is erased asks this). */
  abstract isSent(jobId: string): Promise<boolean>;
  /** Gives a claim up after a failed send, so the next retry need not wait out the lease. */
  abstract release(jobId: string, claimToken: string): Promise<void>;
}
