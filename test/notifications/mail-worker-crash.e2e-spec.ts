import { EntityManager } from '@mikro-orm/postgresql';
import { WorkerHost } from '@nestjs/bullmq';
import { type INestApplicationContext, Logger } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { MailDeliveryOptions } from '#libs/notifications';
import { AppConfig, MAIL_QUEUE, QueueRegistry } from '#libs/platform';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app.js';
import { TestStack } from '../support/test-stack.js';
import { eventually } from '../support/eventually.js';
import { commitMailJob, linkJob } from './mail-outbox.js';
import { UnansweringSmtpServer } from './unanswering-smtp-server.js';

/** Every BullMQ worker of a worker app: what stops, all at once, when its process is killed. */
function bullWorkers(app: INestApplicationContext): WorkerHost['worker'][] {
  return app
    .get(DiscoveryService, { strict: false })
    .getProviders()
    .flatMap(({ instance }) => (instance instanceof WorkerHost ? [instance.worker] : []));
}

describe('a mail worker that dies in the middle of a job', () => {
  let stack: TestStack;
  let unanswering: UnansweringSmtpServer;
  let doomed: INestApplicationContext | undefined;

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
    unanswering = await UnansweringSmtpServer.start();
  });
  afterAll(async () => {
    await unanswering.close();
    await doomed?.close();
    await stack.close();
  });

  const sentMail = async (id: string) =>
    (
      await stack.api
        .get(EntityManager)
        .fork()
        .execute<{ status: string; attempts: number }[]>('select status, attempts from sent_mails where job_id = ?', [id])
    )[0];

  it('has the e-mail sent once, by the worker that takes the job over', async () => {
    doomed = await createWorkerApp(Object.assign(new AppConfig(), stack.config, { SMTP_URL: unanswering.url }));
    // A short claim lease, so the takeover need not wait out the production lease (90 s).
    doomed.get(MailDeliveryOptions, { strict: false }).claimLeaseMs = 2_000;
    const payload = linkJob('crash@example.com');
    const id = await commitMailJob(stack.api, 'password-reset', payload);

    // The message has left the worker; the server has not answered it.
    await eventually(async () => unanswering.received === 1, 'the SMTP server to receive the message');
    expect(await sentMail(id)).toEqual({ status: 'sending', attempts: 1 });

    // The worker dies: its BullMQ workers stop at once, with no lock renewal and no clean hand-back.
    await Promise.all(bullWorkers(doomed).map((worker) => worker.close(true)));
    await stack.startWorker();

    const [mail] = await stack.mail.waitFor('crash@example.com', 1, 45_000);
    expect(mail.text).toContain(payload.link);
    await eventually(
      async () => (await stack.api.get(QueueRegistry).get(MAIL_QUEUE).getJobState(id)) === 'completed',
      'the mail job to complete',
    );
    expect(await sentMail(id)).toEqual({ status: 'sent', attempts: 2 });

    // The dead worker's connection goes down unanswered, as it would with the process. Its attempt then ends:
    // the send fails, the (stale) claim is released, and the failure is reported — after which nothing it does is left.
    const warnings = jest.spyOn(Logger.prototype, 'warn');
    try {
      await unanswering.close();
      await eventually(
        () => warnings.mock.calls.some(([message]) => String(message).startsWith(`Mail job ${id} `) && String(message).includes('failed')),
        "the dead worker's attempt to end in failure",
      );
    } finally {
      warnings.mockRestore();
    }
    expect(stack.mail.to('crash@example.com')).toHaveLength(1);
    expect(await sentMail(id)).toEqual({ status: 'sent', attempts: 2 });
  }, 90_000);
});
