import { Session } from './session.aggregate.js';

const t0 = new Date('2026-01-01T00:00:00Z');
const later = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

function openSession(): Session {
  return Session.open({
    id: 'session-1',
    accountId: 'account-1',
    organizationId: 'org-1',
    clientIp: '203.0.113.7',
    userAgent: 'test',
    now: t0,
    lifetimeSeconds: 3600,
  });
}

describe('Session', () => {
  it('is active from its opening until its absolute expiry', () => {
    const session = openSession();
    expect(session.isActive(t0)).toBe(true);
    expect(session.isActive(later(3599))).toBe(true);
    expect(session.isActive(later(3600))).toBe(false);
  });

  it('rotates a refresh token once: the presented token is spent and a new one issued', () => {
    const session = openSession();
    const first = session.issueRefreshToken('rt-1', 'hash-1', t0);
    const rotation = session.rotate(first, { id: 'rt-2', tokenHash: 'hash-2' }, later(60));
    expect(rotation).toEqual({
      outcome: 'rotated',
      next: expect.objectContaining({ id: 'rt-2', tokenHash: 'hash-2', sessionId: 'session-1' }),
    });
    expect(first.isUsed()).toBe(true);
    expect(session.lastUsedAt).toEqual(later(60));
    expect(session.isActive(later(60))).toBe(true);
  });

  it('ends the whole session when a spent refresh token comes back (reuse detection)', () => {
    const session = openSession();
    const first = session.issueRefreshToken('rt-1', 'hash-1', t0);
    const rotation = session.rotate(first, { id: 'rt-2', tokenHash: 'hash-2' }, later(60));
    const next = rotation.outcome === 'rotated' ? rotation.next : undefined;

    expect(session.rotate(first, { id: 'rt-3', tokenHash: 'hash-3' }, later(120))).toEqual({ outcome: 'reused' });
    expect(session.isActive(later(120))).toBe(false);
    expect(session.endReason).toBe('refresh_token_reused');
    // The legitimate holder's newer token dies with the session.
    expect(session.rotate(next!, { id: 'rt-4', tokenHash: 'hash-4' }, later(121))).toEqual({ outcome: 'inactive' });
  });

  it('refuses to rotate after the absolute expiry, and records the session as expired', () => {
    const session = openSession();
    const token = session.issueRefreshToken('rt-1', 'hash-1', t0);
    expect(session.rotate(token, { id: 'rt-2', tokenHash: 'hash-2' }, later(3600))).toEqual({ outcome: 'inactive' });
    expect(session.endReason).toBe('expired');
    expect(token.isUsed()).toBe(false);
  });

  it('refuses to rotate a token of another session', () => {
    const session = openSession();
    const foreign = openSession();
    foreign.id = 'session-2';
    const token = foreign.issueRefreshToken('rt-1', 'hash-1', t0);
    expect(session.rotate(token, { id: 'rt-2', tokenHash: 'hash-2' }, later(1))).toEqual({ outcome: 'inactive' });
    expect(session.isActive(later(1))).toBe(true);
  });

  it('ends once: a revoked session stays revoked with its first reason', () => {
    const session = openSession();
    expect(session.end('sign_out', later(10))).toBe(true);
    expect(session.end('password_changed', later(20))).toBe(false);
    expect(session.endedAt).toEqual(later(10));
    expect(session.endReason).toBe('sign_out');
    const token = session.issueRefreshToken('rt-1', 'hash-1', t0);
    expect(session.rotate(token, { id: 'rt-2', tokenHash: 'hash-2' }, later(30))).toEqual({ outcome: 'inactive' });
  });
});
