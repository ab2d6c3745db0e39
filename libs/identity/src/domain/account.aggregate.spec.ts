import { Account } from './account.aggregate.js';
import { InvalidCredentialsError, PasswordResetRequiredError } from './identity.errors.js';
import { PasswordHistory } from './password-history.vo.js';

const now = new Date('2026-11-26T12:00:00Z');
const active = (): Account => Account.register({ id: 'a1', organizationId: 'o1', email: ' Jane.Doe@Example.COM ', locale: 'en', passwordHash: 'h0', now });

describe('Account', () => {
  it('stores the e-mail as typed and normalized for lookups', () => {
    const account = active();
    expect(account.email).toBe('Jane.Doe@Example.COM');
    expect(account.emailNormalized).toBe('jane.doe@example.com');
    expect(account.status).toBe('active');
    expect(account.passwordChangedAt).toEqual(now);
  });

  it('starts as password reset required without a password', () => {
    const account = Account.register({ id: 'a1', organizationId: 'o1', email: 'x@example.com', locale: 'ko', passwordHash: null, now });
    expect(account.requiresReset()).toBe(true);
    expect(() => account.assertMaySignIn()).toThrow(PasswordResetRequiredError);
  });

  it('locks on exactly the failure that reaches the threshold, then only reports it', () => {
    const account = active();
    const outcomes = Array.from({ length: 7 }, () => account.recordFailedSignIn(5));
    expect(outcomes).toEqual(['counted', 'counted', 'counted', 'counted', 'locked', 'already-locked', 'already-locked']);
    expect(account.failedSignIns).toBe(5);
    expect(account.status).toBe('password_reset_required');
  });

  it('clears the count on a successful sign-in, and refuses one while locked', () => {
    const account = active();
    account.recordFailedSignIn(5);
    account.recordSuccessfulSignIn();
    expect(account.failedSignIns).toBe(0);
    account.requireReset();
    expect(() => account.recordSuccessfulSignIn()).toThrow(PasswordResetRequiredError);
  });

  it('keeps the replaced hash in a history trimmed to the policy depth', () => {
    const account = active();
    let history = PasswordHistory.of([]);
    for (const hash of ['h1', 'h2', 'h3', 'h4', 'h5']) history = account.changePassword(hash, history, 3, now);
    expect(account.passwordHash).toBe('h5');
    expect(history.withCurrent(account.passwordHash)).toEqual(['h5', 'h4', 'h3', 'h2']);
    expect(account.changePassword('h6', history, 0, now).previousHashes).toEqual([]);
  });

  it('leaves the locked state only through a reset, which also clears the count', () => {
    const account = active();
    for (let i = 0; i < 5; i++) account.recordFailedSignIn(5);
    expect(() => account.changePassword('h1', PasswordHistory.of([]), 3, now)).toThrow(PasswordResetRequiredError);
    account.resetPassword('h1', PasswordHistory.of([]), 3, new Date(now.getTime() + 1000));
    expect(account).toMatchObject({ status: 'active', failedSignIns: 0, passwordHash: 'h1', passwordChangedAt: new Date(now.getTime() + 1000) });
  });

  it('still has the verified hash only until a reset, a change or a lockout lands', () => {
    const account = active();
    expect(() => account.assertStillHasHash('h0')).not.toThrow();
    account.resetPassword('h1', PasswordHistory.of([]), 3, now);
    expect(() => account.assertStillHasHash('h0')).toThrow(InvalidCredentialsError);
    account.requireReset();
    expect(() => account.assertStillHasHash('h1')).toThrow(PasswordResetRequiredError);
  });

  it('upgrades a hash without touching the password date', () => {
    const account = active();
    account.upgradeHash('h0-stronger');
    expect(account).toMatchObject({ passwordHash: 'h0-stronger', passwordChangedAt: now });
  });
});
