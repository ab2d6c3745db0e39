import { MailTransport, type MailReceipt, type OutgoingMail } from '../../application/ports/mail-transport.port.js';

/** Keeps what it is asked to send; `failNext` makes the next sends reject as an SMTP error would. */
export class InMemoryMailTransport extends MailTransport {
  readonly sent: OutgoingMail[] = [];
  private failures: Error[] = [];

  failNext(error = new Error('421 service not available')): void {
    this.failures.push(error);
  }

  async send(message: OutgoingMail): Promise<MailReceipt> {
    const failure = this.failures.shift();
    if (failure) throw failure;
    this.sent.push(message);
    return { messageId: `<${message.idempotencyKey ?? this.sent.length}@test>` };
  }
}
