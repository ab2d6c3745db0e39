import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { type DynamicModule, Module, type OnModuleInit, type Provider, type Type } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AppConfig, MAIL_QUEUE } from '#libs/platform';
import { DeliverMailHandler } from './application/commands/deliver-mail/deliver-mail.handler.js';
import { GiveUpMailHandler } from './application/commands/give-up-mail/give-up-mail.handler.js';
import { MailJobScrubber } from './application/ports/mail-job-scrubber.port.js';
import { MailRenderer } from './application/ports/mail-renderer.port.js';
import { MailTransport } from './application/ports/mail-transport.port.js';
import { SentMailLedger } from './application/ports/sent-mail-ledger.port.js';
import { MailDeliveryOptions } from './application/services/mail-delivery.options.js';
import { OncePerJob } from './application/services/once-per-job.service.js';
import { FileMailTransport } from './infrastructure/mail/file-mail.transport.js';
import { SmtpMailTransport } from './infrastructure/mail/smtp-mail.transport.js';
import { MailMetrics } from './infrastructure/metrics/mail.metrics.js';
import { PostgresSentMailLedger } from './infrastructure/persistence/postgres-sent-mail.ledger.js';
import { MailProcessor } from './infrastructure/queue/mail.processor.js';
import { OutboxMailJobScrubber } from './infrastructure/queue/outbox-mail-job.scrubber.js';
import { MailTemplates } from './infrastructure/templates/mail-templates.js';

/** What `NotificationsModule.forRoot` takes; every field is optional. */
export interface NotificationsOptions {
  /**
   * Where the rendered e-mails go: a class extending `MailTransport`, which Nest builds (its
   * constructor may inject `AppConfig` or any other provider the application makes global), or a
   * ready instance. Left out: SMTP when `SMTP_URL` is set, otherwise `.eml` files in `MAIL_DIR`.
   */
  transport?: Type<MailTransport> | MailTransport;
}

function transportProvider(transport: NotificationsOptions['transport']): Provider {
  if (transport === undefined) {
    return {
      provide: MailTransport,
      inject: [AppConfig],
      useFactory: (config: AppConfig): MailTransport => (config.SMTP_URL ? new SmtpMailTransport(config) : new FileMailTransport(config)),
    };
  }
  return typeof transport === 'function'
    ? { provide: MailTransport, useClass: transport }
    : { provide: MailTransport, useValue: transport };
}

/**
 * The mail worker (run by apps/worker): templates, a transport and the `mail` queue processor.
 * Imported as `NotificationsModule.forRoot()`, or `forRoot({ transport })` to send through a transport of one's own.
 */
@Module({})
export class NotificationsModule implements OnModuleInit {
  constructor(@InjectQueue(MAIL_QUEUE) private readonly queue: Queue) {}

  static forRoot(options: NotificationsOptions = {}): DynamicModule {
    return {
      module: NotificationsModule,
      imports: [BullModule.registerQueue({ name: MAIL_QUEUE })],
      providers: [
        transportProvider(options.transport),
        { provide: SentMailLedger, useClass: PostgresSentMailLedger },
        { provide: MailJobScrubber, useClass: OutboxMailJobScrubber },
        { provide: MailDeliveryOptions, useFactory: () => new MailDeliveryOptions() },
        { provide: MailRenderer, useClass: MailTemplates },
        OncePerJob,
        DeliverMailHandler,
        GiveUpMailHandler,
        MailProcessor,
        MailMetrics,
      ],
    };
  }

  onModuleInit(): void {
    // Without a listener BullMQ prints every failed reconnect during a Redis outage; the outage
    // shows in /health and the jobs simply wait for Redis.
    this.queue.on('error', () => undefined);
  }
}
