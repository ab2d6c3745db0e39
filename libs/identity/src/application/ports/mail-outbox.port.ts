import type { MailJobCommonFields, MailJobFields, MailJobName } from '#libs/notifications';

/** The job names of the `mail` queue, as notifications defines them (docs/architecture.md). */
export type { MailJobName } from '#libs/notifications';

/**
 * Queues a mail job in the current transaction (the outbox), so it is sent if and only if the change commits.
 * The payload is typed by the contract notifications publishes (`MailJobPayloads[N]`, spelled as its common
 * and own fields): a field missing or of the wrong type does not compile.
 */
export abstract class MailOutbox {
  abstract add<N extends MailJobName>(name: N, payload: MailJobCommonFields & MailJobFields<N>): void;
}
