import { ResetTokenInvalidError } from './identity.errors.js';
import { PasswordResetToken } from './password-reset-token.aggregate.js';

const now = new Date('2026-11-26T12:00:00Z');
const later = (seconds: number): Date => new Date(now.getTime() + seconds * 1000);

describe('PasswordResetToken', () => {
  const issue = (): PasswordResetToken =>
    PasswordResetToken.issue({ id: 't1', accountId: 'a1', tokenHash: 'h', purpose: 'reset', now, ttlSeconds: 1800 });

  it('expires after its time to live', () => {
    const token = issue();
    expect(token.expiresAt).toEqual(later(1800));
    expect(token.isUsable(later(1799))).toBe(true);
    expect(token.isUsable(later(1800))).toBe(false);
    expect(() => token.spend(later(1800))).toThrow(ResetTokenInvalidError);
  });

  it('is spent once', () => {
    const token = issue();
    token.spend(later(1));
    expect(token.usedAt).toEqual(later(1));
    expect(token.isUsable(later(2))).toBe(false);
    expect(() => token.spend(later(2))).toThrow(ResetTokenInvalidError);
  });
});
