import { StaticBearerKey } from './static-bearer-key.js';

describe('StaticBearerKey', () => {
  const key = new StaticBearerKey('the-configured-key-123');

  it('accepts the key as a bearer credential, scheme case-insensitively', () => {
    expect(key.matches('Bearer the-configured-key-123')).toBe(true);
    expect(key.matches('bearer the-configured-key-123')).toBe(true);
  });

  it.each([
    undefined,
    '',
    'the-configured-key-123',
    'Bearer the-configured-key-12',
    'Bearer the-configured-key-1234',
    'Basic the-configured-key-123',
    ['Bearer x'],
  ])('refuses %p', (header) => expect(key.matches(header)).toBe(false));

  it('compares a bare secret too', () => {
    expect(key.isKey('the-configured-key-123')).toBe(true);
    expect(key.isKey('the-configured-key-12')).toBe(false);
    expect(key.isKey('')).toBe(false);
  });
});
