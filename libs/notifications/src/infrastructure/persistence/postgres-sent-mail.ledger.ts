import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { type MailClaim, SentMailLedger } from '../../application/ports/sent-mail-ledger.port.js';

/**
 * `sent_mails` in PostgreSQL. Each statement commits on its own (no surrounding transaction):
 * a claim must be visible to every other worker before the message leaves, and a record of a
 * send must survive whatever happens to the job afterwards. The claim token fences a slow
 * attempt whose lease expired: it can no longer record or release what another attempt owns.
 */
@Injectable()
export class PostgresSentMailLedger extends SentMailLedger {
  constructor(private readonly orm: MikroORM) {
    super();
  }

  async claim(jobId: string, template: string, leaseMs: number): Promise<MailClaim> {
    const claimToken = randomUUID();
    const claimed = await this.execute<{ claim_token: string }>(
      `insert into sent_mails (job_id, template, status, claim_token, lease_until)
       values (?, ?, 'sending', ?, now() + make_interval(secs => ?::double precision))
       on conflict (job_id) do update
          set claim_token = excluded.claim_token, lease_until = excluded.lease_until,
              claimed_at = now(), attempts = sent_mails.attempts + 1
        where sent_mails.status = 'sending' and sent_mails.lease_until <= now()
       returning claim_token`,
      [jobId, template, claimToken, leaseMs / 1000],
    );
    if (claimed[0]?.claim_token === claimToken) return { outcome: 'claimed', claimToken };
    const [row] = await this.execute<{ status: string }>('select status from sent_mails where job_id = ?', [jobId]);
    return row?.status === 'sent' ? { outcome: 'sent' } : { outcome: 'busy' };
  }

  async markSent(jobId: string, claimToken: string, messageId: string | null): Promise<boolean> {
    const rows = await this.execute(
      `update sent_mails set status = 'sent', sent_at = now(), lease_until = now(), message_id = ?
        where job_id = ? and claim_token = ? and status = 'sending' returning job_id`,
      [messageId, jobId, claimToken],
    );
    return rows.length === 1;
  }

  async isSent(jobId: string): Promise<boolean> {
    const rows = await this.execute(`select 1 from sent_mails where job_id = ? and status = 'sent'`, [jobId]);
    return rows.length === 1;
  }

  async release(jobId: string, claimToken: string): Promise<void> {
    await this.execute(`update sent_mails set lease_until = now() where job_id = ? and claim_token = ? and status = 'sending'`, [
      jobId,
      claimToken,
    ]);
  }

  private execute<T extends object = object>(sql: string, params: unknown[]): Promise<T[]> {
    return this.orm.em.fork().execute<T[]>(sql, params);
  }
}
