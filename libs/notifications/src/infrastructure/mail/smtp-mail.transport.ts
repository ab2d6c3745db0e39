import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { AppConfig } from '#libs/platform';
import { MailTransport, type MailReceipt, type OutgoingMail } from '../../application/ports/mail-transport.port.js';
import { messageIdFor } from './message-id.js';

/**
 * Bounded waits: a server that stops answering fails the attempt (and the job retries) instead
 * of holding a worker slot. Their sum stays well inside the claim lease (MailDeliveryOptions).
 */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000, dnsTimeout: 5_000 };

/** nodemailer over `SMTP_URL`, with a small pool of kept-alive connections (one per worker slot). */
@Injectable()
export class SmtpMailTransport extends MailTransport implements OnApplicationShutdown {
  private readonly transporter: Transporter;

  constructor(private readonly config: AppConfig) {
    super();
    this.transporter = createTransport({ url: config.SMTP_URL, pool: true, maxConnections: 4, ...TIMEOUTS }, { from: config.MAIL_FROM });
  }

  async send(message: OutgoingMail): Promise<MailReceipt> {
    const { idempotencyKey, ...content } = message;
    const info = await this.transporter.sendMail({
      ...content,
      messageId: idempotencyKey ? messageIdFor(idempotencyKey, this.config.MAIL_FROM) : undefined,
    });
    return { messageId: info.messageId };
  }

  onApplicationShutdown(): void {
    this.transporter.close();
  }
}
