import { Account } from './account.aggregate.js';
import { InvalidCredentialsError, PasswordResetRequiredError } from './identity.errors.js';
import {
  AccountCreated,
  AccountLocked,
  AccountResetRequired,
  CredentialsExpired,
  PasswordChanged,
  PasswordReset,
  ResetRequested,
  SignedIn,
  SignInFailed,
} from './identity.events.js';
import { type NewPassword, PasswordHistory } from './password-history.vo.js';

const now = new Date('2026-11-26T12:00:00Z');
const origin = { clientIp: '203.0.113.9', userAgent: 'jest' };
const attempt = { via: 'sign-in' as const, origin, now };
const active = (): Account => {
  const account = Account.register({
    id: 'a1',
    organizationId: 'o1',
    email: ' Jane.Doe@Example.COM ',
    locale: 'en',
    passwordHash: 'h0',
    now,
    origin,
  });
  account.pullEvents();
  return account;
};
const newPassword = (hash: string, history = PasswordHistory.of([]), historyDepth = 3): NewPassword => ({ hash, history, historyDepth });

describe('Account', () => {
  it('stores the e-mail as typed and normalized for lookups', () => {
    const account = active();
    expect(account.email).toBe('Jane.Doe@Example.COM');
    expect(account.emailNormalized).toBe('jane.doe@example.com');
    expect(account.status).toBe('active');
    expect(account.passwordChangedAt).toEqual(now);
  });

  it('starts as password reset required without a password, and records that it was created (invited)', () => {
    const account = Account.register({
      id: 'a1',
      organizationId: 'o1',
      email: 'x@example.com',
      locale: 'ko',
      passwordHash: null,
      now,
      origin,
    });
    expect(account.requiresReset()).toBe(true);
    expect(() => account.assertMaySignIn()).toThrow(PasswordResetRequiredError);
    expect(account.pullEvents()).toEqual([new AccountCreated('a1', 'o1', true, origin, now)]);
    expect(account.pullEvents()).toEqual([]);
  });

  it('locks on exactly the failure that reaches the threshold, then only reports it', () => {
    const account = active();
    const outcomes = Array.from({ length: 7 }, () => account.recordFailedSignIn(5, attempt));
    expect(outcomes).toEqual(['counted', 'counted', 'counted', 'counted', 'locked', 'already-locked', 'already-locked']);
    expect(account.failedSignIns).toBe(5);
    expect(account.status).toBe('password_reset_required');
    const failures = account.pullEvents() as SignInFailed[];
    expect(failures.map((event) => [event.reason, event.failedSignIns])).toEqual([
      ...[1, 2, 3, 4, 5].map((count) => ['wrong-password', count]),
      ['password-reset-required', 5],
      ['password-reset-required', 5],
    ]);
    // The lock's notice is its own event, recorded once its pending notice is claimed.
    expect(failures.every((event) => event instanceof SignInFailed)).toBe(true);
    account.announceLock(5, origin, now);
    expect(account.pullEvents()).toEqual([new AccountLocked('a1', 'o1', 5, 5, origin, now)]);
  });

  it('clears the count on a successful sign-in, and refuses one while locked', () => {
    const account = active();
    account.recordFailedSignIn(5, attempt);
    account.recordSuccessfulSignIn();
    expect(account.failedSignIns).toBe(0);
    account.requireReset(origin, now);
    expect(() => account.recordSuccessfulSignIn()).toThrow(PasswordResetRequiredError);
  });

  it('admits a sign-in only while it still has the verified hash and is not locked, recording the refusal', () => {
    const account = active();
    account.recordFailedSignIn(5, attempt);
    account.pullEvents();
    expect(account.admitSignIn('h0', 'h0-stronger', origin, now)).toBe(true);
    expect(account).toMatchObject({ failedSignIns: 0, passwordHash: 'h0-stronger' });
    account.signedIn('s1', true, origin, now);
    expect(account.pullEvents()).toEqual([new SignedIn('a1', 'o1', 's1', true, origin, now)]);
    expect(account.admitSignIn('h0', null, origin, now)).toBe(false);
    expect(account.pullEvents()).toEqual([new SignInFailed('a1', 'o1', 'sign-in', 'password-reset-required', null, origin, now)]);
  });

  it('keeps the replaced hash in a history trimmed to the policy depth', () => {
    const account = active();
    let history = PasswordHistory.of([]);
    const change = { sessionId: 's1', expireSessionsAndTokens: false, origin, now };
    for (const hash of ['h1', 'h2', 'h3', 'h4', 'h5'])
      history = account.changePassword(account.passwordHash!, newPassword(hash, history), change);
    expect(account.passwordHash).toBe('h5');
    expect(history.withCurrent(account.passwordHash)).toEqual(['h5', 'h4', 'h3', 'h2']);
    expect(account.changePassword('h5', newPassword('h6', history, 0), change).previousHashes).toEqual([]);
  });

  it('records a change, and the expiry of every credential when asked', () => {
    const account = active();
    account.changePassword('h0', newPassword('h1'), { sessionId: 's1', expireSessionsAndTokens: false, origin, now });
    expect(account.pullEvents()).toEqual([new PasswordChanged('a1', 'o1', 's1', false, origin, now)]);
    account.changePassword('h1', newPassword('h2'), { sessionId: 's1', expireSessionsAndTokens: true, origin, now });
    expect(account.pullEvents()).toEqual([
      new PasswordChanged('a1', 'o1', 's1', true, origin, now),
      new CredentialsExpired('a1', 'o1', { by: 'owner', via: 'password-change' }, origin, now),
    ]);
    expect(JSON.stringify(account.pullEvents())).not.toMatch(/h1|h2/);
  });

  it('records a reset with the link it came through, and what the administrator asked', () => {
    const account = active();
    account.resetPassword(newPassword('h1'), { via: 'invitation', expireSessionsAndTokens: true, origin, now });
    const events = account.pullEvents();
    expect(events).toEqual([
      new PasswordReset('a1', 'o1', 'invitation', true, origin, now),
      new CredentialsExpired('a1', 'o1', { by: 'owner', via: 'password-reset' }, origin, now),
    ]);
    expect(JSON.stringify(events)).not.toContain('h1');
    account.requireReset(origin, now);
    account.expireCredentials(origin, now);
    account.requestReset(false, origin, now);
    expect(account.pullEvents()).toEqual([
      new AccountResetRequired('a1', 'o1', origin, now),
      new CredentialsExpired('a1', 'o1', { by: 'administrator' }, origin, now),
      new ResetRequested('a1', 'o1', false, origin, now),
    ]);
  });

  it('leaves the locked state only through a reset, which also clears the count', () => {
    const account = active();
    for (let i = 0; i < 5; i++) account.recordFailedSignIn(5, attempt);
    expect(() => account.changePassword('h0', newPassword('h1'), { sessionId: 's1', expireSessionsAndTokens: false, origin, now })).toThrow(
      PasswordResetRequiredError,
    );
    account.resetPassword(newPassword('h1'), {
      via: 'account-locked',
      expireSessionsAndTokens: false,
      origin,
      now: new Date(now.getTime() + 1000),
    });
    expect(account).toMatchObject({
      status: 'active',
      failedSignIns: 0,
      passwordHash: 'h1',
      passwordChangedAt: new Date(now.getTime() + 1000),
    });
  });

  it('still has the verified hash only until a reset, a change or a lockout lands', () => {
    const account = active();
    expect(() => account.assertStillHasHash('h0')).not.toThrow();
    account.resetPassword(newPassword('h1'), { via: 'reset', expireSessionsAndTokens: false, origin, now });
    expect(() => account.assertStillHasHash('h0')).toThrow(InvalidCredentialsError);
    expect(() => account.changePassword('h0', newPassword('h2'), { sessionId: 's1', expireSessionsAndTokens: false, origin, now })).toThrow(
      InvalidCredentialsError,
    );
    account.requireReset(origin, now);
    expect(() => account.assertStillHasHash('h1')).toThrow(PasswordResetRequiredError);
  });

  it('upgrades a hash without touching the password date', () => {
    const account = active();
    account.upgradeHash('h0-stronger');
    expect(account).toMatchObject({ passwordHash: 'h0-stronger', passwordChangedAt: now });
  });
});
