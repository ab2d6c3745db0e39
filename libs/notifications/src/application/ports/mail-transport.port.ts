export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /**
   * Stable across retries of one job (the job id). Transports derive the Message-ID (and the
   * file name) from it, so a duplicate, should one ever slip through, is recognisable as such.
   */
  idempotencyKey?: string;
}

export interface MailReceipt {
  messageId?: string;
  /** Where the message went when it is not handed to a server (the `.eml` file). */
  location?: string;
}

/** Delivers one rendered e-mail; rejects when it cannot tell that the message was accepted. */
export abstract class MailTransport {
  abstract send(message: OutgoingMail): Promise<MailReceipt>;
}
