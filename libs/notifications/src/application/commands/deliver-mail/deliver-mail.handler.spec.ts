import { MailTemplates } from '../../../infrastructure/templates/mail-templates.js';
import { InMemoryMailJobScrubber } from '../../../infrastructure/testing/in-memory-mail-job.scrubber.js';
import { InMemoryMailTransport } from '../../../infrastructure/testing/in-memory-mail.transport.js';
import { InMemorySentMailLedger } from '../../../infrastructure/testing/in-memory-sent-mail.ledger.js';
import { mailJobPayload } from '../../../infrastructure/testing/mail-jobs.fixture.js';
import { InvalidMailJobError } from '../../../domain/mail-job.errors.js';
import { DeliverMailHandler } from './deliver-mail.handler.js';
import { MailDeliveryInProgressError } from '../../services/mail-delivery.errors.js';
import { MailDeliveryOptions } from '../../services/mail-delivery.options.js';
import { OncePerJob } from '../../services/once-per-job.service.js';

const templates = new MailTemplates();
const job = { jobId: 'job-1', name: 'password-reset', data: mailJobPayload('password-reset') };

describe('DeliverMailHandler', () => {
  let now: number;
  let ledger: InMemorySentMailLedger;
  let transport: InMemoryMailTransport;
  let scrubber: InMemoryMailJobScrubber;
  let handler: DeliverMailHandler;

  beforeEach(() => {
    now = Date.parse('2026-11-26T03:00:00Z');
    ledger = new InMemorySentMailLedger(() => now);
    transport = new InMemoryMailTransport();
    scrubber = new InMemoryMailJobScrubber();
    handler = new DeliverMailHandler(new OncePerJob(ledger, new MailDeliveryOptions()), transport, templates, scrubber);
  });

  it('sends the rendered e-mail to the recipient, keyed by the job id', async () => {
    await expect(handler.execute(job)).resolves.toBe('sent');
    expect(transport.sent).toEqual([
      expect.objectContaining({ to: 'ada@example.com', subject: 'Reset your Acme Corp password', idempotencyKey: 'job-1' }),
    ]);
    expect(ledger.rows.get('job-1')).toMatchObject({ status: 'sent', template: 'password-reset', messageId: '<job-1@test>' });
  });

  it('sends one e-mail when the same job runs twice', async () => {
    await handler.execute(job);
    await expect(handler.execute(job)).resolves.toBe('already-sent');
    expect(transport.sent).toHaveLength(1);
  });

  it('sends once when a failed attempt is retried', async () => {
    transport.failNext();
    await expect(handler.execute(job)).rejects.toThrow('421');
    await expect(handler.execute(job)).resolves.toBe('sent');
    expect(transport.sent).toHaveLength(1);
  });

  it('leaves a job alone while another attempt holds its claim, and takes it over once the lease has expired', async () => {
    await ledger.claim('job-1', 'password-reset', 90_000);
    await expect(handler.execute(job)).rejects.toBeInstanceOf(MailDeliveryInProgressError);
    expect(transport.sent).toHaveLength(0);
    now += 90_000;
    await expect(handler.execute(job)).resolves.toBe('sent');
    expect(transport.sent).toHaveLength(1);
  });

  it('does not let an attempt whose claim was taken over record the send as its own', async () => {
    const stale = await ledger.claim('job-1', 'password-reset', 1_000);
    now += 1_000;
    await handler.execute(job);
    expect(stale.outcome === 'claimed' && (await ledger.markSent('job-1', stale.claimToken, null))).toBe(false);
  });

  it('erases the link from the stored job once the e-mail has left, and not before', async () => {
    transport.failNext();
    await expect(handler.execute(job)).rejects.toThrow('421');
    expect(scrubber.scrubbed).toEqual([]);
    await handler.execute(job);
    expect(scrubber.scrubbed).toEqual(['job-1']);
  });

  it('erases again on a retry after the erasure failed, without sending again', async () => {
    scrubber.failNext();
    await expect(handler.execute(job)).rejects.toThrow('connection terminated');
    await expect(handler.execute(job)).resolves.toBe('already-sent');
    expect(scrubber.scrubbed).toEqual(['job-1']);
    expect(transport.sent).toHaveLength(1);
  });

  it('answers "already-sent" to a sent job relayed again with its link erased', async () => {
    await handler.execute(job);
    const { link: _link, ...settled } = mailJobPayload('password-reset');
    await expect(handler.execute({ ...job, data: { ...settled, erased: ['link'] } })).resolves.toBe('already-sent');
    expect(transport.sent).toHaveLength(1);
  });

  it('refuses, without claiming, a job whose link was erased before it was ever sent (given up)', async () => {
    const { link: _link, ...settled } = mailJobPayload('password-reset');
    await expect(handler.execute({ ...job, data: { ...settled, erased: ['link'] } })).rejects.toBeInstanceOf(InvalidMailJobError);
    expect(ledger.rows.size).toBe(0);
    expect(scrubber.scrubbed).toEqual([]);
  });

  it('refuses a bad job before claiming or sending anything', async () => {
    await expect(handler.execute({ ...job, name: 'unknown' })).rejects.toBeInstanceOf(InvalidMailJobError);
    await expect(handler.execute({ ...job, data: { to: 'ada@example.com' } })).rejects.toBeInstanceOf(InvalidMailJobError);
    expect(ledger.rows.size).toBe(0);
    expect(transport.sent).toHaveLength(0);
  });
});
