import { PolicySettingsInvalidError } from './password-policy.errors.js';
import { DEFAULT_PASSWORD_POLICY, PasswordPolicySettings } from './password-policy-settings.vo.js';

function failure(action: () => unknown): PolicySettingsInvalidError {
  try {
    action();
  } catch (error) {
    if (error instanceof PolicySettingsInvalidError) return error;
    throw error;
  }
  throw new Error('expected PolicySettingsInvalidError');
}

describe('PasswordPolicySettings', () => {
  it('defaults to the documented policy (docs/api.md)', () => {
    expect(DEFAULT_PASSWORD_POLICY.toJSON()).toEqual({
      minLength: 9,
      maxLength: 30,
      historyDepth: 3,
      lockoutThreshold: 5,
      disabledRules: [],
    });
  });

  it('accepts every value at the edge of the limits', () => {
    const low = PasswordPolicySettings.fromOverrides({ minLength: 9, maxLength: 30, historyDepth: 0, lockoutThreshold: 3 });
    const high = PasswordPolicySettings.fromOverrides({ minLength: 64, maxLength: 128, historyDepth: 24, lockoutThreshold: 10 });
    expect(low.toJSON()).toMatchObject({ minLength: 9, maxLength: 30, historyDepth: 0, lockoutThreshold: 3 });
    expect(high.toJSON()).toMatchObject({ minLength: 64, maxLength: 128, historyDepth: 24, lockoutThreshold: 10 });
  });

  it.each([
    ['minLength', { minLength: 8 }],
    ['minLength', { minLength: 65 }],
    ['minLength', { minLength: 9.5 }],
    ['maxLength', { maxLength: 29 }],
    ['maxLength', { maxLength: 129 }],
    ['maxLength', { minLength: 40, maxLength: 39 }],
    ['maxLength', { minLength: 40 }],
    ['historyDepth', { historyDepth: -1 }],
    ['historyDepth', { historyDepth: 25 }],
    ['lockoutThreshold', { lockoutThreshold: 2 }],
    ['lockoutThreshold', { lockoutThreshold: 11 }],
  ])('refuses %s out of bounds: %j', (field, overrides) => {
    const error = failure(() => PasswordPolicySettings.fromOverrides(overrides));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.field).toBe(field);
    expect(error.extensions.errors).toEqual([expect.objectContaining({ field })]);
  });

  it('refuses values that are not numbers, as stored JSON may hold anything', () => {
    const error = failure(() => PasswordPolicySettings.fromOverrides({ minLength: '12' as unknown as number }));
    expect(error.field).toBe('minLength');
  });

  it('names the floor that the minimum raises for the maximum', () => {
    const error = failure(() => PasswordPolicySettings.fromOverrides({ minLength: 40, maxLength: 35 }));
    expect(error.message).toBe('maxLength must be an integer from 40 to 128.');
  });

  it('reports every failing field at once', () => {
    const error = failure(() => PasswordPolicySettings.fromOverrides({ minLength: 1, historyDepth: 99, disabledRules: ['LENGTH'] }));
    expect(error.errors.map(({ field }) => field)).toEqual(['minLength', 'historyDepth', 'disabledRules']);
  });

  it('turns off rules that may be turned off', () => {
    const settings = PasswordPolicySettings.fromOverrides({ disabledRules: ['SEQUENTIAL', 'COMMON', 'SEQUENTIAL'] });
    expect(settings.isEnabled('SEQUENTIAL')).toBe(false);
    expect(settings.isEnabled('LENGTH')).toBe(true);
    expect(settings.toJSON().disabledRules).toEqual(['COMMON', 'SEQUENTIAL']);
  });

  it.each(['LENGTH', 'INVALID_CHARACTER', 'REUSED'])('never turns off %s', (code) => {
    const error = failure(() => PasswordPolicySettings.fromOverrides({ disabledRules: [code] }));
    expect(error.field).toBe('disabledRules');
    expect(error.message).toContain(code);
  });

  it('refuses unknown rule codes, unless another module supplies that rule', () => {
    expect(failure(() => PasswordPolicySettings.fromOverrides({ disabledRules: ['SEQUENCIAL'] })).field).toBe('disabledRules');
    const settings = PasswordPolicySettings.fromOverrides({ disabledRules: ['NO_PRODUCT_NAMES'] }, ['NO_PRODUCT_NAMES']);
    expect(settings.isEnabled('NO_PRODUCT_NAMES')).toBe(false);
  });

  it('refuses a list of disabled rules that is not a list of strings', () => {
    expect(failure(() => PasswordPolicySettings.fromOverrides({ disabledRules: 'COMMON' as unknown as string[] })).field).toBe(
      'disabledRules',
    );
    expect(failure(() => PasswordPolicySettings.fromOverrides({ disabledRules: [1] as unknown as string[] })).field).toBe('disabledRules');
  });

  it('reads back what it stored', () => {
    const settings = PasswordPolicySettings.fromOverrides({
      minLength: 12,
      maxLength: 64,
      historyDepth: 0,
      lockoutThreshold: 3,
      disabledRules: ['REPEATED'],
    });
    const stored = JSON.parse(JSON.stringify(settings));
    expect(PasswordPolicySettings.fromOverrides(stored)).toEqual(settings);
  });
});
