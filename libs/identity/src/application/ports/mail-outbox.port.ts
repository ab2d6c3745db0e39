/** Job names of the `mail` queue (docs/architecture.md). */
export type MailJobName = 'password-reset' | 'account-locked' | 'invitation' | 'password-reset-completed' | 'password-changed';

/** Queues a mail job in the current transaction (the outbox), so it is sent if and only if the change commits. */
export abstract class MailOutbox {
  abstract add(name: MailJobName, payload: Record<string, unknown>): void;
}
