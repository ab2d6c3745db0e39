import { type MailReceipt, MailTransport, type OutgoingMail } from '#libs/notifications';

/**
 * A mail transport of one's own: hands each e-mail to an HTTP mail API (the shape most e-mail
 * providers offer) instead of SMTP. `send` rejects unless the API accepted the message, so the
 * worker retries it with backoff, as it does for SMTP; the idempotency key lets the API drop a
 * duplicate should a retry follow an acceptance that was never answered.
 */
export class HttpApiMailTransport extends MailTransport {
  constructor(
    private readonly endpoint: string,
    private readonly apiKey: string,
  ) {
    super();
  }

  async send(message: OutgoingMail): Promise<MailReceipt> {
    const response = await fetch(this.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${this.apiKey}`,
        ...(message.idempotencyKey ? { 'idempotency-key': message.idempotencyKey } : {}),
      },
      body: JSON.stringify({ to: message.to, subject: message.subject, text: message.text, html: message.html }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`The mail API answered ${response.status}.`);
    const { id } = (await response.json()) as { id?: unknown };
    return { messageId: typeof id === 'string' ? id : undefined };
  }
}
