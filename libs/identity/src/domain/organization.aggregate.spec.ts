import fc from 'fast-check';
import { ValidationFailedError } from '#libs/building-blocks';
import { maskEmail, normalizeEmail } from './email-address.vo.js';
import { Organization } from './organization.aggregate.js';

const now = new Date('2026-11-26T12:00:00Z');

describe('Organization', () => {
  it('accepts lower-case names of 3 to 63 characters of a-z, 0-9 and -', () => {
    expect(Organization.create({ id: 'o', name: 'acme-2', now }).displayName).toBe('acme-2');
    expect(Organization.create({ id: 'o', name: 'acme', displayName: ' Acme ', now }).displayName).toBe('Acme');
    for (const name of ['ab', 'Acme', 'a_b', 'a'.repeat(64), 'acme ']) {
      expect(() => Organization.create({ id: 'o', name, now })).toThrow(ValidationFailedError);
    }
  });
});

describe('e-mail addresses', () => {
  it('mask all but the first character of the local part', () => {
    expect(maskEmail('jane@example.com')).toBe('j***@example.com');
    expect(maskEmail('j@example.com')).toBe('j***@example.com');
    expect(maskEmail('한글@example.com')).toBe('한***@example.com');
  });

  it('normalize idempotently and case-insensitively', () => {
    fc.assert(
      fc.property(fc.string(), (email) => {
        const once = normalizeEmail(email);
        expect(normalizeEmail(once)).toBe(once);
        expect(normalizeEmail(email.toUpperCase())).toBe(normalizeEmail(email.toLowerCase()));
      }),
    );
  });
});
