import { ContainsIdentityRule } from './contains-identity.rule.js';

const rule = new ContainsIdentityRule();

describe('ContainsIdentityRule', () => {
  it('finds the e-mail local part in any case', () => {
    const violation = rule.check({ password: 'xX#JOHN.smith9', email: 'John.Smith@example.com' });
    expect(violation).toEqual({ code: 'CONTAINS_IDENTITY', message: 'Do not include your e-mail name in the password.' });
  });

  it('finds the organization name in any case', () => {
    const violation = rule.check({ password: 'Q7!aCMe-corp', organizationName: 'acme-corp' });
    expect(violation?.message).toBe('Do not include the organization name in the password.');
  });

  it('names both when both are there', () => {
    const violation = rule.check({ password: 'bob!acme9Q', email: 'bob@x.io', organizationName: 'acme' });
    expect(violation?.message).toBe('Do not include your e-mail name or the organization name in the password.');
  });

  it('ignores identities shorter than 3 characters', () => {
    expect(rule.check({ password: 'Q7!joXacmf', email: 'jo@example.com', organizationName: 'ac' })).toBeNull();
    expect(rule.check({ password: 'Q7!joeXacm', email: 'joe@example.com' })).not.toBeNull();
  });

  it('counts 3 characters as code points', () => {
    expect(rule.check({ password: 'x😀😀y', email: '😀😀@example.com' })).toBeNull();
    expect(rule.check({ password: 'x😀😀😀y', email: '😀😀😀@example.com' })).not.toBeNull();
  });

  it('takes the local part before the last @, and the whole value when there is none', () => {
    expect(rule.check({ password: 'Q7!"a@b"', email: '"a@b"@example.com' })).not.toBeNull();
    expect(rule.check({ password: 'Q7!example', email: '"a@b"@example.com' })).toBeNull();
    expect(rule.check({ password: 'Q7!mallory', email: 'mallory' })).not.toBeNull();
  });

  it('does not look at the e-mail domain', () => {
    expect(rule.check({ password: 'Example!99', email: 'joe@example.com' })).toBeNull();
  });

  it('holds when no identity is given', () => {
    expect(rule.check({ password: 'anything at all' })).toBeNull();
  });
});
