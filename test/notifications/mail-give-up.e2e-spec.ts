import { randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { MAIL_QUEUE, QueueRegistry } from '#libs/platform';
import { TestStack } from '../support/test-stack.js';
import { eventually } from '../support/eventually.js';
import { commitMailJob, linkJob } from './mail-outbox.js';
import { RefusingSmtpServer } from './refusing-smtp-server.js';

/** A link job's payload once settled: everything but the link, which is named as erased. */
function settled(payload: Record<string, unknown>): Record<string, unknown> {
  const { link: _link, ...rest } = payload;
  return { ...rest, erased: ['link'] };
}

describe('a mail job given up keeps no link (docs/security.md)', () => {
  let refusing: RefusingSmtpServer;
  let stack: TestStack;

  beforeAll(async () => {
    refusing = await RefusingSmtpServer.start();
    stack = await TestStack.start({ env: { SMTP_URL: refusing.url } });
  });
  afterAll(async () => {
    await stack.close();
    await refusing.close();
  });

  const queue = () => stack.api.get(QueueRegistry).get(MAIL_QUEUE);
  const em = () => stack.api.get(EntityManager).fork();
  const outboxPayload = async (id: string) =>
    (await em().execute<{ payload: Record<string, unknown> }[]>('select payload from outbox where id = ?', [id]))[0].payload;
  const finished = (id: string, state: 'failed' | 'completed') =>
    eventually(async () => {
      const job = await queue().getJob(id);
      return job?.finishedOn && (await job.getState()) === state ? job : undefined;
    }, `job ${id} to be ${state}`);

  it('erases the link from the outbox row and the job when the last attempt is refused', async () => {
    const payload = linkJob('refused@example.com');
    const id = randomUUID();
    // As the relay leaves it, but with two quick attempts instead of ten spread over minutes.
    await em().execute(`insert into outbox (id, queue, name, payload, sent_at) values (?, ?, 'password-reset', ?, now())`, [
      id,
      MAIL_QUEUE,
      JSON.stringify(payload),
    ]);
    await queue().add('password-reset', payload, { jobId: id, attempts: 2, backoff: { type: 'fixed', delay: 50 } });

    const job = await finished(id, 'failed');
    expect(job.attemptsMade).toBe(2);
    expect(refusing.refused).toBe(2);
    expect(job.data).toEqual(settled(payload));
    expect(await outboxPayload(id)).toEqual(settled(payload));
    expect(JSON.stringify([job.failedReason, job.stacktrace])).not.toContain('token=');
  });

  it('keeps the link while attempts are left', async () => {
    const payload = linkJob('retrying@example.com');
    const id = randomUUID();
    await em().execute(`insert into outbox (id, queue, name, payload, sent_at) values (?, ?, 'invitation', ?, now())`, [
      id,
      MAIL_QUEUE,
      JSON.stringify(payload),
    ]);
    await queue().add('invitation', payload, { jobId: id, attempts: 3, backoff: { type: 'fixed', delay: 60_000 } });

    await eventually(
      async () => (await queue().getJob(id))?.attemptsMade === 1 && (await queue().getJobState(id)) === 'delayed',
      'a first refused attempt',
    );
    expect((await queue().getJob(id))?.data).toEqual(payload);
    expect(await outboxPayload(id)).toEqual(payload);
    await queue().remove(id);
  });

  it('erases the link of a job that breaks the contract, failed without retry', async () => {
    const payload = linkJob('broken@example.com', { expiresAt: 'never' });
    const id = await commitMailJob(stack.api, 'account-locked', payload);

    const job = await finished(id, 'failed');
    expect(job.attemptsMade).toBe(1);
    expect(job.data).toEqual(settled(payload));
    expect(await outboxPayload(id)).toEqual(settled(payload));
  });
});
