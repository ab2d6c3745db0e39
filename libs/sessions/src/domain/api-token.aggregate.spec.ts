import { ApiToken } from './api-token.aggregate.js';

const t0 = new Date('2026-01-01T00:00:00Z');
const days = (n: number) => new Date(t0.getTime() + n * 86_400_000);
const secret = 'lk_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';

function create(expiresInDays: number | null): ApiToken {
  return ApiToken.create({
    id: 't-1',
    accountId: 'a-1',
    organizationId: 'o-1',
    name: 'ci',
    token: secret,
    secretHash: 'h',
    now: t0,
    expiresInDays,
    credentialVersion: 1,
  });
}

describe('ApiToken', () => {
  it('keeps only a short, recognisable prefix of the secret', () => {
    const token = create(null);
    expect(token.tokenPrefix).toBe('lk_abcdef');
    expect(JSON.stringify(token)).not.toContain(secret);
  });

  it('without an expiry stays usable until revoked', () => {
    const token = create(null);
    expect(token.expiresAt).toBeNull();
    expect(token.isUsable(days(3650))).toBe(true);
  });

  it('expires after the chosen number of days', () => {
    const token = create(30);
    expect(token.expiresAt).toEqual(days(30));
    expect(token.isUsable(new Date(days(30).getTime() - 1))).toBe(true);
    expect(token.isUsable(days(30))).toBe(false);
  });

  it('is revoked once and for good', () => {
    const token = create(null);
    expect(token.revoke(days(1))).toBe(true);
    expect(token.revoke(days(2))).toBe(false);
    expect(token.revokedAt).toEqual(days(1));
    expect(token.isUsable(days(1))).toBe(false);
  });

  it('refuses a secret without the lk_ prefix', () => {
    expect(() =>
      ApiToken.create({
        id: 't',
        accountId: 'a',
        organizationId: 'o',
        name: 'x',
        token: 'abc',
        secretHash: 'h',
        now: t0,
        expiresInDays: null,
        credentialVersion: 1,
      }),
    ).toThrow();
  });
});
