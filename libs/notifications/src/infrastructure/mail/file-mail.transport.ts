import { mkdir, rename, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { AppConfig } from '#libs/platform';
import { MailTransport, type MailReceipt, type OutgoingMail } from '../../application/ports/mail-transport.port.js';
import { messageIdFor } from './message-id.js';

/**
 * With no SMTP server configured: each message becomes an RFC 5322 `.eml` file in
 * `MAIL_DIR`, which any mail client opens. The log names the file, never its content: the
 * content holds a reset link.
 */
@Injectable()
export class FileMailTransport extends MailTransport {
  private readonly logger = new Logger(FileMailTransport.name);
  private readonly composer: Transporter;
  private readonly directory: string;

  constructor(private readonly config: AppConfig) {
    super();
    this.directory = resolve(config.MAIL_DIR);
    this.composer = createTransport({ streamTransport: true, buffer: true, newline: 'windows' }, { from: config.MAIL_FROM });
  }

  async send(message: OutgoingMail): Promise<MailReceipt> {
    const { idempotencyKey, ...content } = message;
    const key = idempotencyKey?.replace(/[^A-Za-z0-9._-]/g, '') || randomUUID();
    const info = await this.composer.sendMail({ ...content, messageId: messageIdFor(key, this.config.MAIL_FROM) });
    await mkdir(this.directory, { recursive: true });
    // Written aside, then renamed: a reader never sees half a message, and a retry replaces the file.
    const location = resolve(this.directory, `${key}.eml`);
    const partial = `${location}.${randomUUID()}.tmp`;
    await writeFile(partial, info.message as Buffer, { mode: 0o600 });
    await rename(partial, location);
    this.logger.log(`E-mail written to ${location}`);
    return { messageId: info.messageId, location };
  }
}
