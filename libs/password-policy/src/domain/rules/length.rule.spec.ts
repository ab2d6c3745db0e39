import { DEFAULT_PASSWORD_POLICY, PasswordPolicySettings } from '../password-policy-settings.vo.js';
import { codePointLength, LengthRule } from './length.rule.js';

const rule = new LengthRule();
const violated = (password: string, settings = DEFAULT_PASSWORD_POLICY) => rule.check({ password }, settings) !== null;

describe('LengthRule', () => {
  it.each([
    [8, true],
    [9, false],
    [30, false],
    [31, true],
    [0, true],
  ])('with the defaults, %i characters violates: %s', (length, expected) => {
    expect(violated('x'.repeat(length))).toBe(expected);
  });

  it('follows the organization minimum and maximum', () => {
    const settings = PasswordPolicySettings.fromOverrides({ minLength: 12, maxLength: 40 });
    expect([11, 12, 40, 41].map((length) => violated('x'.repeat(length), settings))).toEqual([true, false, false, true]);
  });

  it('counts code points: an emoji is one character, a lone surrogate is one too', () => {
    expect(codePointLength('😀'.repeat(9))).toBe(9);
    expect(violated('😀'.repeat(9))).toBe(false);
    expect(violated('😀'.repeat(8))).toBe(true);
    expect(codePointLength('\uD800abc\uDC00')).toBe(5);
    expect(codePointLength('\uD800\uD800\uDC00')).toBe(2);
  });

  it('states the limits in its message and never the password', () => {
    const violation = rule.check({ password: 'short' }, DEFAULT_PASSWORD_POLICY);
    expect(violation).toEqual({ code: 'LENGTH', message: 'Use 9 to 30 characters.' });
    expect(rule.describe(DEFAULT_PASSWORD_POLICY)).toContain('9 to 30');
  });

  it('answers a 10,000-character password', () => {
    expect(violated('x'.repeat(10_000))).toBe(true);
  });
});
