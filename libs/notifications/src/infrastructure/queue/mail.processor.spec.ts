import { type Job, UnrecoverableError } from 'bullmq';
import { Logger } from '@nestjs/common';
import { DeliverMailHandler } from '../../application/commands/deliver-mail/deliver-mail.handler.js';
import { GiveUpMailHandler } from '../../application/commands/give-up-mail/give-up-mail.handler.js';
import { MailDeliveryOptions } from '../../application/services/mail-delivery.options.js';
import { OncePerJob } from '../../application/services/once-per-job.service.js';
import { MailTemplates } from '../templates/mail-templates.js';
import { InMemoryMailJobScrubber } from '../testing/in-memory-mail-job.scrubber.js';
import { InMemoryMailTransport } from '../testing/in-memory-mail.transport.js';
import { InMemorySentMailLedger } from '../testing/in-memory-sent-mail.ledger.js';
import { mailJobPayload } from '../testing/mail-jobs.fixture.js';
import { MailProcessor } from './mail.processor.js';

const templates = new MailTemplates();

function mailJob(name: string, data: unknown, id = 'outbox-row-1', attemptsMade = 0): Job {
  return { id, name, data, attemptsMade, opts: { attempts: 10 } } as Job;
}

describe('MailProcessor', () => {
  let transport: InMemoryMailTransport;
  let scrubber: InMemoryMailJobScrubber;
  let processor: MailProcessor;
  let logged: jest.SpyInstance[];

  beforeEach(() => {
    transport = new InMemoryMailTransport();
    scrubber = new InMemoryMailJobScrubber();
    const deliver = new DeliverMailHandler(
      new OncePerJob(new InMemorySentMailLedger(), new MailDeliveryOptions()),
      transport,
      templates,
      scrubber,
    );
    processor = new MailProcessor(deliver, new GiveUpMailHandler(scrubber));
    logged = (['log', 'warn', 'error'] as const).map((level) => jest.spyOn(Logger.prototype, level).mockImplementation(() => undefined));
  });
  afterEach(() => jest.restoreAllMocks());

  const logs = (): string => JSON.stringify(logged.map((spy) => spy.mock.calls));

  it('sends each job once, by its id, however often it is delivered', async () => {
    const job = mailJob('invitation', mailJobPayload('invitation'));
    await expect(processor.process(job)).resolves.toBe('sent');
    await expect(processor.process(job)).resolves.toBe('already-sent');
    await expect(processor.process(mailJob('invitation', mailJobPayload('invitation'), 'outbox-row-2'))).resolves.toBe('sent');
    expect(transport.sent.map((mail) => mail.idempotencyKey)).toEqual(['outbox-row-1', 'outbox-row-2']);
  });

  it('fails an unknown job or a bad payload without retry, and logs no payload', async () => {
    await expect(processor.process(mailJob('password-forgotten', mailJobPayload('password-reset')))).rejects.toBeInstanceOf(
      UnrecoverableError,
    );
    await expect(
      processor.process(mailJob('password-reset', mailJobPayload('password-reset', { expiresAt: 'never' }))),
    ).rejects.toBeInstanceOf(UnrecoverableError);
    expect(logs()).toContain('expiresAt must be an ISO date-time');
    expect(logs()).not.toContain('token=');
    expect(transport.sent).toHaveLength(0);
  });

  it('lets a transport failure through as it is, so the job retries with backoff', async () => {
    transport.failNext(new Error('connect ECONNREFUSED 127.0.0.1:25'));
    const failure = await processor
      .process(mailJob('password-changed', mailJobPayload('password-changed')))
      .catch((error: unknown) => error);
    expect(failure).toEqual(new Error('connect ECONNREFUSED 127.0.0.1:25'));
    expect(failure).not.toBeInstanceOf(UnrecoverableError);
    expect(logs()).not.toContain('token=');
    expect(scrubber.scrubbed).toEqual([]);
  });

  it('erases the link of a job it gives up: a bad payload, or a failure on the last attempt', async () => {
    await expect(
      processor.process(mailJob('invitation', mailJobPayload('invitation', { expiresAt: 'never' }), 'broken')),
    ).rejects.toBeInstanceOf(UnrecoverableError);
    transport.failNext(new Error('550 mailbox unavailable'));
    await expect(processor.process(mailJob('invitation', mailJobPayload('invitation'), 'refused', 9))).rejects.toThrow('550');
    expect(scrubber.scrubbed).toEqual(['broken', 'refused']);
    expect(logs()).not.toContain('token=');
  });

  it('erases the link of a job BullMQ failed for good without running it (stalled too often), not of one it retries', async () => {
    await processor.onFailed({ ...mailJob('invitation', mailJobPayload('invitation'), 'retried'), finishedOn: undefined } as Job);
    await processor.onFailed({ ...mailJob('invitation', mailJobPayload('invitation'), 'stalled'), finishedOn: Date.now() } as Job);
    await processor.onFailed(undefined);
    expect(scrubber.scrubbed).toEqual(['stalled']);
  });

  it('still fails the job as it would when the erasure at give-up fails, and says so', async () => {
    transport.failNext(new Error('550 mailbox unavailable'));
    scrubber.failNext();
    await expect(processor.process(mailJob('invitation', mailJobPayload('invitation'), 'refused', 9))).rejects.toThrow('550');
    expect(logs()).toContain('its link could not be erased: connection terminated');
  });
});
