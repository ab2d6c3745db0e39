import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AppConfig, MAIL_QUEUE } from '#libs/shared-kernel';
import { DeliverMailHandler } from './application/deliver-mail/deliver-mail.handler.js';
import { MailDeliveryOptions } from './application/deliver-mail/mail-delivery.options.js';
import { MailTransport } from './application/ports/mail-transport.port.js';
import { SentMailLedger } from './application/ports/sent-mail-ledger.port.js';
import { FileMailTransport } from './infrastructure/mail/file-mail.transport.js';
import { SmtpMailTransport } from './infrastructure/mail/smtp-mail.transport.js';
import { PostgresSentMailLedger } from './infrastructure/persistence/postgres-sent-mail.ledger.js';
import { MailProcessor } from './infrastructure/queue/mail.processor.js';
import { MailTemplates } from './infrastructure/templates/mail-templates.js';

/** The mail worker (run by apps/worker): templates, transports and the `mail` queue processor. */
@Module({
  imports: [BullModule.registerQueue({ name: MAIL_QUEUE })],
  providers: [
    {
      provide: MailTransport,
      inject: [AppConfig],
      useFactory: (config: AppConfig): MailTransport => (config.SMTP_URL ? new SmtpMailTransport(config) : new FileMailTransport(config)),
    },
    { provide: SentMailLedger, useClass: PostgresSentMailLedger },
    { provide: MailDeliveryOptions, useValue: new MailDeliveryOptions() },
    MailTemplates,
    DeliverMailHandler,
    MailProcessor,
  ],
})
export class NotificationsModule {}
