import fc from 'fast-check';
import { InMemoryCommonPasswordList } from '../infrastructure/testing/in-memory-common-password.list.js';
import { PasswordHistoryMatcher } from './password-history.port.js';
import { PasswordPolicy } from './password-policy.js';
import { BUILT_IN_RULE_CODES, DEFAULT_PASSWORD_POLICY, PasswordPolicySettings } from './password-policy-settings.vo.js';
import type { PasswordCandidate, PasswordRule } from './password-rule.js';
import type { PolicyViolation } from './policy-violation.vo.js';

/** An extension as another module would write it: a plain class, no change to this module. */
class NoProductNamesRule implements PasswordRule {
  readonly code = 'NO_PRODUCT_NAMES';
  private readonly names = ['latchkey', 'kakao'];

  describe(): string {
    return 'Does not contain a company product name.';
  }

  check({ password }: PasswordCandidate): PolicyViolation | null {
    const lowercase = password.toLowerCase();
    return this.names.some((name) => lowercase.includes(name)) ? { code: this.code, message: 'Do not use a company product name.' } : null;
  }
}

class ListMatcher extends PasswordHistoryMatcher {
  async matchesAny(password: string, hashes: readonly string[]): Promise<boolean> {
    return hashes.includes(`hash:${password}`);
  }
}

const common = new InMemoryCommonPasswordList(['Summer2024!x']);
const policy = new PasswordPolicy(DEFAULT_PASSWORD_POLICY, common);
const codes = (violations: PolicyViolation[]) => violations.map(({ code }) => code);
const VALID = 'Tz7!mK2#pW';

describe('PasswordPolicy', () => {
  it('accepts a password that holds every rule', () => {
    expect(policy.evaluate({ password: VALID, email: 'joe.doe@example.com', organizationName: 'acme' })).toEqual([]);
  });

  it('reports every violation at once, in rule order', () => {
    const violations = policy.evaluate({ password: 'aaabc d', email: 'aaab@example.com' });
    expect(codes(violations)).toEqual([
      'LENGTH',
      'INVALID_CHARACTER',
      'MISSING_UPPERCASE',
      'MISSING_DIGIT',
      'MISSING_SPECIAL',
      'SEQUENTIAL',
      'REPEATED',
      'CONTAINS_IDENTITY',
    ]);
    for (const { message } of violations) expect(message).not.toContain('aaabc');
  });

  it('reports a common password beside the rules it breaks', () => {
    expect(codes(policy.evaluate({ password: 'sUMMER2024!X' }))).toEqual(['COMMON']);
    expect(codes(policy.evaluate({ password: 'SUMMER2024!X' }))).toEqual(['MISSING_LOWERCASE', 'COMMON']);
    expect(codes(policy.evaluate({ password: '' }))).toEqual([
      'LENGTH',
      'MISSING_UPPERCASE',
      'MISSING_LOWERCASE',
      'MISSING_DIGIT',
      'MISSING_SPECIAL',
    ]);
  });

  it('skips the rules an organization turned off', () => {
    const settings = PasswordPolicySettings.fromOverrides({ disabledRules: ['MISSING_SPECIAL', 'SEQUENTIAL', 'COMMON'] });
    const relaxed = new PasswordPolicy(settings, common);
    expect(codes(relaxed.evaluate({ password: 'Summer2024!x' }))).toEqual([]);
    expect(codes(relaxed.evaluate({ password: 'Abc12345xyz' }))).toEqual([]);
    expect(codes(relaxed.evaluate({ password: 'Abc 12345' }))).toEqual(['INVALID_CHARACTER']);
  });

  it('applies the organization lengths', () => {
    const long = new PasswordPolicy(PasswordPolicySettings.fromOverrides({ minLength: 16, maxLength: 64 }), common);
    expect(codes(long.evaluate({ password: VALID }))).toEqual(['LENGTH']);
    expect(codes(long.evaluate({ password: `${VALID}${VALID}` }))).toEqual([]);
  });

  describe('with a rule added by another module', () => {
    const extended = new PasswordPolicy(DEFAULT_PASSWORD_POLICY, common, [new NoProductNamesRule()]);

    it('reports it alongside the built-in violations, after them', () => {
      expect(codes(extended.evaluate({ password: 'latchkey' }))).toEqual([
        'LENGTH',
        'MISSING_UPPERCASE',
        'MISSING_DIGIT',
        'MISSING_SPECIAL',
        'NO_PRODUCT_NAMES',
      ]);
      expect(codes(extended.evaluate({ password: VALID }))).toEqual([]);
    });

    it('lets an organization turn it off', () => {
      const settings = PasswordPolicySettings.fromOverrides({ disabledRules: ['NO_PRODUCT_NAMES'] }, ['NO_PRODUCT_NAMES']);
      expect(codes(new PasswordPolicy(settings, common, [new NoProductNamesRule()]).evaluate({ password: 'Kakao!9Tz2' }))).toEqual([]);
    });

    it('lists it in the description', () => {
      expect(extended.describe().rules.at(-2)).toEqual({
        code: 'NO_PRODUCT_NAMES',
        enabled: true,
        description: 'Does not contain a company product name.',
      });
    });

    it('refuses a rule whose code is already taken', () => {
      const impostor = Object.assign(new NoProductNamesRule(), { code: 'REUSED' });
      expect(() => new PasswordPolicy(DEFAULT_PASSWORD_POLICY, common, [impostor])).toThrow('code of its own');
      expect(() => new PasswordPolicy(DEFAULT_PASSWORD_POLICY, common, [new NoProductNamesRule(), new NoProductNamesRule()])).toThrow();
    });
  });

  describe('with the account history', () => {
    const history = ['hash:Current!9x', 'hash:Older1!xQ'];

    it('adds REUSED after the other violations', async () => {
      expect(codes(await policy.evaluateWithHistory({ password: 'Older1!xQ' }, history, new ListMatcher()))).toEqual(['REUSED']);
      const stricter = new PasswordPolicy(PasswordPolicySettings.fromOverrides({ minLength: 12 }), common);
      expect(codes(await stricter.evaluateWithHistory({ password: 'Current!9x' }, history, new ListMatcher()))).toEqual([
        'LENGTH',
        'REUSED',
      ]);
    });

    it('adds nothing for a new password or an empty history', async () => {
      expect(await policy.evaluateWithHistory({ password: VALID }, history, new ListMatcher())).toEqual([]);
      expect(await policy.evaluateWithHistory({ password: 'Current!9x' }, [], new ListMatcher())).toEqual([]);
    });
  });

  it('describes every rule with its parameters for GET …/password-policy', () => {
    const settings = PasswordPolicySettings.fromOverrides({ minLength: 12, disabledRules: ['COMMON'] });
    const description = new PasswordPolicy(settings, common).describe();
    expect(description).toMatchObject({ minLength: 12, maxLength: 30, historyDepth: 3, lockoutThreshold: 5 });
    expect(description.rules.map(({ code }) => code)).toEqual(BUILT_IN_RULE_CODES);
    expect(description.rules.filter(({ enabled }) => !enabled).map(({ code }) => code)).toEqual(['COMMON']);
    expect(description.rules[0].description).toBe('12 to 30 characters.');
    expect(JSON.parse(JSON.stringify(description))).toEqual(description);
  });

  it('never throws, whatever the string', () => {
    const anyUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)) });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), anyUnits), fc.option(anyUnits, { nil: undefined }), (password, email) => {
        const violations = policy.evaluate({ password, email, organizationName: email });
        expect(Array.isArray(violations)).toBe(true);
      }),
    );
  });

  // No clock here: a quadratic rule would make these inputs run for minutes, far past Jest's timeout.
  it('gets through very long adversarial passwords', () => {
    const long = 200_000;
    expect(codes(policy.evaluate({ password: 'a'.repeat(long), email: `${'a'.repeat(63)}b@example.com` }))).toContain('REPEATED');
    expect(codes(policy.evaluate({ password: 'ab'.repeat(long / 2), organizationName: `${'ab'.repeat(31)}x` }))).toEqual([
      'LENGTH',
      'MISSING_UPPERCASE',
      'MISSING_DIGIT',
      'MISSING_SPECIAL',
    ]);
    expect(codes(policy.evaluate({ password: 'qwq'.repeat(long / 3) }))).toContain('LENGTH');
    expect(codes(policy.evaluate({ password: '😀'.repeat(long) }))).toContain('INVALID_CHARACTER');
  });

  it('gives the same answer on a hot path as on the first call', () => {
    const first = policy.evaluate({ password: VALID, email: 'joe@example.com', organizationName: 'acme' });
    for (let i = 0; i < 20_000; i++) policy.evaluate({ password: VALID, email: 'joe@example.com', organizationName: 'acme' });
    expect(policy.evaluate({ password: VALID, email: 'joe@example.com', organizationName: 'acme' })).toEqual(first);
  });
});
