import { InMemoryAccountSessions } from '../../infrastructure/testing/in-memory-account.sessions.js';
import { CredentialsExpired, PasswordChanged, PasswordReset } from '../../domain/identity.events.js';
import { SessionEndingSubscriber } from './session-ending.subscriber.js';

const origin = { clientIp: '203.0.113.9', userAgent: null };
const now = new Date('2026-11-26T12:00:00Z');

describe('SessionEndingSubscriber', () => {
  let sessions: InMemoryAccountSessions;
  let subscriber: SessionEndingSubscriber;

  beforeEach(() => {
    sessions = new InMemoryAccountSessions();
    subscriber = new SessionEndingSubscriber(sessions);
  });

  it('ends the session that changed the password, or every session after a reset', async () => {
    await subscriber.handle(new PasswordChanged('a1', 'o1', 's1', false, origin, now));
    await subscriber.handle(new PasswordReset('a1', 'o1', 'reset', false, origin, now));
    expect(sessions.calls).toEqual([
      { method: 'endSession', id: 's1', reason: 'password-changed' },
      { method: 'endAllSessions', id: 'a1', reason: 'password-reset' },
    ]);
  });

  it('leaves the ending to the expiry that follows when sessions expire, and expires with the reason of its cause', async () => {
    await subscriber.handle(new PasswordChanged('a1', 'o1', 's1', true, origin, now));
    await subscriber.handle(new PasswordReset('a1', 'o1', 'reset', true, origin, now));
    expect(sessions.calls).toEqual([]);
    await subscriber.handle(new CredentialsExpired('a1', 'o1', { by: 'owner', via: 'password-change' }, origin, now));
    await subscriber.handle(new CredentialsExpired('a1', 'o1', { by: 'owner', via: 'password-reset' }, origin, now));
    await subscriber.handle(new CredentialsExpired('a1', 'o1', { by: 'administrator' }, origin, now));
    expect(sessions.calls).toEqual([
      { method: 'expireAllCredentials', id: 'a1', reason: 'password-changed' },
      { method: 'expireAllCredentials', id: 'a1', reason: 'password-reset' },
      { method: 'expireAllCredentials', id: 'a1', reason: 'admin-expired' },
    ]);
  });
});
