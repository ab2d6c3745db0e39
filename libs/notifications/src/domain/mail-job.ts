/** The jobs of queue `mail` (docs/architecture.md), as producers write them to the outbox. */
export const MAIL_JOB_NAMES = ['password-reset', 'account-locked', 'invitation', 'password-reset-completed', 'password-changed'] as const;
export type MailJobName = (typeof MAIL_JOB_NAMES)[number];

/**
 * The payload fields that can take over an account: they may be stored (outbox row, queued job)
 * only until the job is settled, then they are erased (docs/security.md).
 */
export const MAIL_JOB_SECRETS = ['link'] as const;

export const MAIL_LOCALES = ['en', 'ko'] as const;
export type MailLocale = (typeof MAIL_LOCALES)[number];

/**
 * The fields every payload carries, whatever the job. A type, not an interface, so that a payload
 * spelled with it fits the outbox's `Record<string, unknown>` (interfaces have no implicit index signature).
 */
export type MailJobCommonFields = {
  to: string;
  locale: MailLocale;
  organizationName: string;
  organizationDisplayName: string;
};

/** An e-mail that carries a set-password link (`{PUBLIC_URL}/reset-password#token=…`). */
export interface LinkMailPayload extends MailJobCommonFields {
  link: string;
  expiresAt: string;
}

/** An e-mail that reports a completed change. */
export interface ChangeMailPayload extends MailJobCommonFields {
  occurredAt: string;
  sessionsExpired: boolean;
}

/**
 * The payload of each job name: what a producer writes to the outbox, and what the worker reads
 * back once `parseMailJob` has checked it. Producers type their jobs with it (`import type` from
 * `#libs/notifications`), so a payload that breaks the contract does not compile.
 */
export interface MailJobPayloads {
  'password-reset': LinkMailPayload;
  'account-locked': LinkMailPayload;
  invitation: LinkMailPayload;
  'password-reset-completed': ChangeMailPayload;
  'password-changed': ChangeMailPayload;
}

/** One job: its name and that name's payload (indexing `MailJobPayloads` by every name checks that each has one). */
export type MailJob = { [N in MailJobName]: { name: N; payload: MailJobPayloads[N] } }[MailJobName];

export type MailJobPayload = MailJob['payload'];

/**
 * A job's own fields, without the common ones (for a union of names, the union of their fields): what a
 * producer that fills the common fields in one place adds per job. `MailJobCommonFields & MailJobFields<N>` is `MailJobPayloads[N]`.
 */
export type MailJobFields<N extends MailJobName> = N extends MailJobName ? Omit<MailJobPayloads[N], keyof MailJobCommonFields> : never;
