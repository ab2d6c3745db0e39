/** Every security event of the audit trail (docs/api.md#audit-trail); the string is what the audit API returns and filters on. */
export const SECURITY_EVENT_TYPES = [
  'organization.created',
  'password-policy.updated',
  'account.created',
  'sign-in.succeeded',
  'sign-in.failed',
  'account.locked',
  'password-reset.requested',
  'password-reset.completed',
  'password-reset.required',
  'password.changed',
  'credentials.expired',
  'api-token.created',
  'api-token.revoked',
] as const;

export type SecurityEventType = (typeof SECURITY_EVENT_TYPES)[number];

/** Where a request came from, recorded with each event. */
/** An audit record; `details` never holds a secret (no password, token or hash). */
export class SecurityEvent {
  constructor(
    readonly id: string,
    readonly type: SecurityEventType,
    readonly organizationId: string,
    readonly accountId: string | null,
    readonly occurredAt: Date,
    readonly clientIp: string,
    readonly userAgent: string | null,
    readonly details: Record<string, unknown>,
  ) {}
}
