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

interface MailJobCommon {
  to: string;
  locale: MailLocale;
  organizationName: string;
  organizationDisplayName: string;
}

/** An e-mail that carries a set-password link (`{PUBLIC_URL}/reset-password#token=…`). */
export interface LinkMailPayload extends MailJobCommon {
  link: string;
  expiresAt: string;
}

/** An e-mail that reports a completed change. */
export interface ChangeMailPayload extends MailJobCommon {
  occurredAt: string;
  sessionsExpired: boolean;
}

export type MailJob =
  | { name: 'password-reset' | 'account-locked' | 'invitation'; payload: LinkMailPayload }
  | { name: 'password-reset-completed' | 'password-changed'; payload: ChangeMailPayload };

export type MailJobPayload = MailJob['payload'];
