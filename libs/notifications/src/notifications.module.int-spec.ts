import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EntityManager } from '@mikro-orm/postgresql';
import { BullModule } from '@nestjs/bullmq';
import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type AppConfig, createRedisConnection, loadConfig, MAIL_QUEUE, PlatformModule, QueueRegistry } from '#libs/platform';
import { commitMailJob, linkJob } from '../../../test/notifications/mail-outbox.js';
import { eventually } from '../../../test/support/eventually.js';
import { createTestDatabase } from '../../../test/support/test-database.js';
import { MailTransport, type MailReceipt, type OutgoingMail } from './application/ports/mail-transport.port.js';
import { FileMailTransport } from './infrastructure/mail/file-mail.transport.js';
import { NotificationsModule, type NotificationsOptions } from './notifications.module.js';

/** A transport of one's own, as another project would add one: it keeps what it is given. */
class KeepingTransport extends MailTransport {
  readonly sent: OutgoingMail[] = [];

  async send(message: OutgoingMail): Promise<MailReceipt> {
    this.sent.push(message);
    return { messageId: `<${message.idempotencyKey}@keeping.test>` };
  }
}

/** The mail worker as apps/worker wires it (platform, BullMQ, notifications), with the given options. */
async function startWorker(
  config: AppConfig,
  options?: NotificationsOptions,
): Promise<{ app: INestApplicationContext; close: () => Promise<void> }> {
  const connection = createRedisConnection(config, 'worker');
  @Module({
    imports: [
      PlatformModule.forRoot(config),
      BullModule.forRoot({ connection, prefix: config.redisPrefix }),
      NotificationsModule.forRoot(options),
    ],
  })
  class TestWorkerModule {}
  const app = await NestFactory.createApplicationContext(TestWorkerModule, { logger: false, abortOnError: false });
  await app.init();
  return {
    app,
    close: async () => {
      await app.close();
      connection.disconnect();
    },
  };
}

describe('NotificationsModule.forRoot (real PostgreSQL, Redis and BullMQ)', () => {
  let databaseUrl: string;
  let mailDir: string;
  let close: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
  });
  beforeEach(() => {
    mailDir = mkdtempSync(join(tmpdir(), 'latchkey-forroot-mail-'));
  });
  afterEach(async () => {
    await close?.();
    close = undefined;
    rmSync(mailDir, { recursive: true, force: true });
  });

  /** Each worker on a queue prefix of its own, so no other worker takes its jobs; SMTP_URL unset, so the default would write files. */
  const configFor = (): AppConfig =>
    loadConfig({
      DATABASE_URL: databaseUrl,
      QUEUE_PREFIX: `lkt-${randomBytes(5).toString('hex')}`,
      LOG_LEVEL: 'silent',
      MAIL_DIR: mailDir,
    });

  /** Commits a job as a producer does and waits until the worker has settled it. */
  async function deliver(
    app: INestApplicationContext,
    to: string,
  ): Promise<{ id: string; sentMail: { status: string; message_id: string } }> {
    const id = await commitMailJob(app, 'password-reset', linkJob(to));
    await eventually(
      async () => (await app.get(QueueRegistry).get(MAIL_QUEUE).getJobState(id)) === 'completed',
      'the mail job to complete',
    );
    const [sentMail] = await app
      .get(EntityManager)
      .fork()
      .execute<{ status: string; message_id: string }[]>('select status, message_id from sent_mails where job_id = ?', [id]);
    return { id, sentMail };
  }

  it('sends a real job through the transport class it is given, and through no other', async () => {
    const worker = await startWorker(configFor(), { transport: KeepingTransport });
    close = worker.close;
    const transport = worker.app.get(MailTransport, { strict: false });
    expect(transport).toBeInstanceOf(KeepingTransport);

    const { id, sentMail } = await deliver(worker.app, 'class@example.com');
    expect((transport as KeepingTransport).sent).toEqual([
      expect.objectContaining({ to: 'class@example.com', subject: 'Reset your Acme Corp password', idempotencyKey: id }),
    ]);
    expect(sentMail).toEqual({ status: 'sent', message_id: `<${id}@keeping.test>` });
    expect(readdirSync(mailDir)).toEqual([]);
  });

  it('sends through a transport instance it is given', async () => {
    const transport = new KeepingTransport();
    const worker = await startWorker(configFor(), { transport });
    close = worker.close;

    const { id } = await deliver(worker.app, 'instance@example.com');
    expect(transport.sent.map((mail) => [mail.to, mail.idempotencyKey])).toEqual([['instance@example.com', id]]);
    expect(readdirSync(mailDir)).toEqual([]);
  });

  it('keeps choosing the transport from the configuration when given none (no SMTP_URL: .eml files)', async () => {
    const worker = await startWorker(configFor());
    close = worker.close;
    expect(worker.app.get(MailTransport, { strict: false })).toBeInstanceOf(FileMailTransport);

    const { id } = await deliver(worker.app, 'default@example.com');
    expect(readdirSync(mailDir)).toEqual([`${id}.eml`]);
  });
});
