/**
 * How long a claim on a job keeps other attempts off it. It must outlast the slowest send
 * the SMTP transport allows (its connection, greeting and socket timeouts), or a live but
 * slow attempt could be joined by a second one.
 */
export class MailDeliveryOptions {
  claimLeaseMs = 90_000;
}
