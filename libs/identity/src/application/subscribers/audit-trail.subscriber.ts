import { Injectable } from '@nestjs/common';
import type { DomainEventSubscriber } from '#libs/building-blocks';
import { OnDomainEvent } from '#libs/platform';
import {
  AccountCreated,
  AccountLocked,
  AccountResetRequired,
  CredentialsExpired,
  OrganizationCreated,
  PasswordChanged,
  PasswordPolicyUpdated,
  PasswordReset,
  ResetRequested,
  SignedIn,
  SignInFailed,
} from '../../domain/identity.events.js';
import type { SecurityEventType } from '../../domain/security-event.js';
import { AuditTrail } from '../services/audit-trail.service.js';

export const AUDITED_EVENTS = [
  OrganizationCreated,
  PasswordPolicyUpdated,
  AccountCreated,
  SignedIn,
  SignInFailed,
  AccountLocked,
  ResetRequested,
  AccountResetRequired,
  PasswordChanged,
  PasswordReset,
  CredentialsExpired,
] as const;

export type AuditedEvent = InstanceType<(typeof AUDITED_EVENTS)[number]>;

/** One row of the audit trail (docs/api.md#audit-trail) per identity event, written in the change's transaction. */
@OnDomainEvent(...AUDITED_EVENTS)
@Injectable()
export class AuditTrailSubscriber implements DomainEventSubscriber<AuditedEvent> {
  constructor(private readonly audit: AuditTrail) {}

  async handle(event: AuditedEvent): Promise<void> {
    const { type, details } = securityEventOf(event);
    const accountId = 'accountId' in event ? event.accountId : null;
    await this.audit.record(type, { organizationId: event.organizationId, accountId }, event.origin, details);
  }
}

/** The row's type and details: ids and facts, never a secret. */
function securityEventOf(event: AuditedEvent): { type: SecurityEventType; details: Record<string, unknown> } {
  if (event instanceof OrganizationCreated) return { type: 'organization.created', details: { name: event.name } };
  if (event instanceof PasswordPolicyUpdated) return { type: 'password-policy.updated', details: { settings: event.settings } };
  if (event instanceof AccountCreated) return { type: 'account.created', details: { invited: event.invited } };
  if (event instanceof SignedIn)
    return { type: 'sign-in.succeeded', details: { sessionId: event.sessionId, hashUpgraded: event.hashUpgraded } };
  if (event instanceof SignInFailed) {
    const { via, reason, failedSignIns } = event;
    return { type: 'sign-in.failed', details: failedSignIns === null ? { reason } : { via, reason, failedSignIns } };
  }
  if (event instanceof AccountLocked)
    return { type: 'account.locked', details: { failedSignIns: event.failedSignIns, lockoutThreshold: event.lockoutThreshold } };
  if (event instanceof ResetRequested) return { type: 'password-reset.requested', details: { sent: event.sent } };
  if (event instanceof AccountResetRequired) return { type: 'password-reset.required', details: { by: 'administrator' } };
  if (event instanceof PasswordChanged) return { type: 'password.changed', details: { sessionsExpired: event.sessionsExpired } };
  if (event instanceof PasswordReset)
    return { type: 'password-reset.completed', details: { sessionsExpired: event.sessionsExpired, via: event.via } };
  return { type: 'credentials.expired', details: { ...event.expiry } };
}
