import { dropsAt, keyState, publishedKeys, rotationDue, signingKey } from './signing-key-policy.js';

const at = (minutes: number) => new Date(Date.UTC(2026, 11, 1) + minutes * 60_000);
const key = (kid: string, created: number, activates = created) => ({ kid, createdAt: at(created), activatesAt: at(activates) });

describe('signing key policy', () => {
  const old = key('old', 0);
  const next = key('next', 100, 101);
  const keys = [old, next];
  const retention = 60 * 60; // one hour

  it('keeps signing with the old key until the new one activates, and publishes both meanwhile', () => {
    expect(signingKey(keys, at(100))?.kid).toBe('old');
    expect(keyState(next, keys, at(100))).toBe('upcoming');
    expect(publishedKeys(keys, at(100), retention).map((k) => k.kid)).toEqual(['next', 'old']);
    expect(signingKey(keys, at(101))?.kid).toBe('next');
    expect(keyState(old, keys, at(101))).toBe('retired');
  });

  it('drops a retired key once its successor has signed for the whole retention period', () => {
    expect(dropsAt(old, keys, retention)).toEqual(at(161));
    expect(publishedKeys(keys, at(160), retention).map((k) => k.kid)).toEqual(['next', 'old']);
    expect(publishedKeys(keys, at(161), retention).map((k) => k.kid)).toEqual(['next']);
    expect(dropsAt(next, keys, retention)).toBeNull();
  });

  it('asks for a first key, and for a successor once the signing key is older than the maximum age and none waits', () => {
    expect(rotationDue([], at(0), 0)).toBe(true);
    expect(rotationDue([old], at(10), 0)).toBe(false);
    expect(rotationDue([old], at(10), 11 * 60)).toBe(false);
    expect(rotationDue([old], at(11), 11 * 60)).toBe(true);
    expect(rotationDue(keys, at(100), 11 * 60)).toBe(false);
  });
});
