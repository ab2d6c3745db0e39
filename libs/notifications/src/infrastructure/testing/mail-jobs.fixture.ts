import type { MailJobName } from '../../domain/mail-job.js';

/** A valid payload of each job of the `mail` queue, as producers write them (docs/architecture.md). */
export function mailJobPayload(name: MailJobName, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const common = { to: 'ada@example.com', locale: 'en', organizationName: 'acme', organizationDisplayName: 'Acme Corp' };
  const specific =
    name === 'password-reset-completed' || name === 'password-changed'
      ? { occurredAt: '2026-11-26T03:05:00.000Z', sessionsExpired: false }
      : { link: 'http://localhost:3000/reset-password#token=abcDEF123', expiresAt: '2026-11-26T03:35:00.000Z' };
  return { ...common, ...specific, ...overrides };
}
