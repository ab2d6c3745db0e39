import fc from 'fast-check';
import { INTERNAL_ORIGIN as origin, ValidationFailedError } from '#libs/building-blocks';
import { PasswordPolicySettings } from '#libs/password-policy';
import { maskEmail, normalizeEmail } from './email-address.vo.js';
import { OrganizationCreated, PasswordPolicyUpdated } from './identity.events.js';
import { Organization } from './organization.aggregate.js';

const now = new Date('2026-11-26T12:00:00Z');

describe('Organization', () => {
  it('accepts lower-case names of 3 to 63 characters of a-z, 0-9 and -', () => {
    expect(Organization.create({ id: 'o', name: 'acme-2', now, origin }).displayName).toBe('acme-2');
    expect(Organization.create({ id: 'o', name: 'acme', displayName: ' Acme ', now, origin }).displayName).toBe('Acme');
    for (const name of ['ab', 'Acme', 'a_b', 'a'.repeat(64), 'acme ']) {
      expect(() => Organization.create({ id: 'o', name, now, origin })).toThrow(ValidationFailedError);
    }
  });

  it('records its creation and each change of its password policy', () => {
    const organization = Organization.create({ id: 'o', name: 'acme', now, origin });
    expect(organization.pullEvents()).toEqual([new OrganizationCreated('o', 'acme', origin, now)]);
    organization.setPasswordPolicy(PasswordPolicySettings.fromOverrides({ minLength: 12 }, []), origin, now);
    expect(organization.pullEvents()).toEqual([new PasswordPolicyUpdated('o', organization.policyOverrides, origin, now)]);
    expect(organization.policyOverrides).toMatchObject({ minLength: 12 });
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
