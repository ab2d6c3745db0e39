import { IdentityTestKit } from '../../infrastructure/testing/identity-test-kit.js';
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
import { AuditTrailSubscriber } from './audit-trail.subscriber.js';

const origin = { clientIp: '203.0.113.9', userAgent: 'jest' };
const now = new Date('2026-11-26T12:00:00Z');

describe('AuditTrailSubscriber', () => {
  it('writes one row per event, with the subject, origin and details of docs/api.md#audit-trail', async () => {
    const kit = new IdentityTestKit();
    const subscriber = new AuditTrailSubscriber(kit.audit);
    const events = [
      new OrganizationCreated('o1', 'acme', origin, now),
      new PasswordPolicyUpdated('o1', { minLength: 12 }, origin, now),
      new AccountCreated('a1', 'o1', true, origin, now),
      new SignedIn('a1', 'o1', 's1', true, origin, now),
      new SignInFailed('a1', 'o1', 'password-change', 'wrong-password', 2, origin, now),
      new SignInFailed('a1', 'o1', 'sign-in', 'password-reset-required', null, origin, now),
      new AccountLocked('a1', 'o1', 5, 5, origin, now),
      new ResetRequested('a1', 'o1', false, origin, now),
      new AccountResetRequired('a1', 'o1', origin, now),
      new PasswordChanged('a1', 'o1', 's1', true, origin, now),
      new PasswordReset('a1', 'o1', 'invitation', false, origin, now),
      new CredentialsExpired('a1', 'o1', { by: 'owner', via: 'password-reset' }, origin, now),
      new CredentialsExpired('a1', 'o1', { by: 'administrator' }, origin, now),
    ];
    for (const event of events) await subscriber.handle(event);
    expect(kit.events.items.map(({ type, organizationId, accountId, details }) => [type, organizationId, accountId, details])).toEqual([
      ['organization.created', 'o1', null, { name: 'acme' }],
      ['password-policy.updated', 'o1', null, { settings: { minLength: 12 } }],
      ['account.created', 'o1', 'a1', { invited: true }],
      ['sign-in.succeeded', 'o1', 'a1', { sessionId: 's1', hashUpgraded: true }],
      ['sign-in.failed', 'o1', 'a1', { via: 'password-change', reason: 'wrong-password', failedSignIns: 2 }],
      ['sign-in.failed', 'o1', 'a1', { reason: 'password-reset-required' }],
      ['account.locked', 'o1', 'a1', { failedSignIns: 5, lockoutThreshold: 5 }],
      ['password-reset.requested', 'o1', 'a1', { sent: false }],
      ['password-reset.required', 'o1', 'a1', { by: 'administrator' }],
      ['password.changed', 'o1', 'a1', { sessionsExpired: true }],
      ['password-reset.completed', 'o1', 'a1', { sessionsExpired: false, via: 'invitation' }],
      ['credentials.expired', 'o1', 'a1', { by: 'owner', via: 'password-reset' }],
      ['credentials.expired', 'o1', 'a1', { by: 'administrator' }],
    ]);
    expect(kit.events.items.every((row) => row.clientIp === '203.0.113.9' && row.userAgent === 'jest')).toBe(true);
  });
});
