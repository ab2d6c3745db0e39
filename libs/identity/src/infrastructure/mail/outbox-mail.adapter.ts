import { Injectable } from '@nestjs/common';
import { MAIL_QUEUE, Outbox } from '#libs/platform';
import { type MailJobName, MailOutbox } from '../../application/ports/mail-outbox.port.js';

@Injectable()
export class SharedOutboxMail extends MailOutbox {
  constructor(private readonly outbox: Outbox) {
    super();
  }

  add(name: MailJobName, payload: Record<string, unknown>): void {
    this.outbox.add({ queue: MAIL_QUEUE, name, payload });
  }
}
