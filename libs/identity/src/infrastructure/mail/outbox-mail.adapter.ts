import { Injectable } from '@nestjs/common';
import type { MailJobCommonFields, MailJobFields } from '#libs/notifications';
import { MAIL_QUEUE, Outbox } from '#libs/platform';
import { type MailJobName, MailOutbox } from '../../application/ports/mail-outbox.port.js';

@Injectable()
export class SharedOutboxMail extends MailOutbox {
  constructor(private readonly outbox: Outbox) {
    super();
  }

  add<N extends MailJobName>(name: N, payload: MailJobCommonFields & MailJobFields<N>): void {
    this.outbox.add({ queue: MAIL_QUEUE, name, payload });
  }
}
