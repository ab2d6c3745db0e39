import { type FieldError, PolicySettingsInvalidError } from './password-policy.errors.js';

/** In the order the policy checks and describes them. */
export const BUILT_IN_RULE_CODES = [
  'LENGTH',
  'INVALID_CHARACTER',
  'MISSING_UPPERCASE',
  'MISSING_LOWERCASE',
  'MISSING_DIGIT',
  'MISSING_SPECIAL',
  'SEQUENTIAL',
  'REPEATED',
  'CONTAINS_IDENTITY',
  'COMMON',
  'REUSED',
] as const;

/** docs/api.md#password-policy: an organization may turn off every rule but these. */
export const MANDATORY_RULE_CODES: readonly string[] = ['LENGTH', 'INVALID_CHARACTER', 'REUSED'];

/** The stored and transported form of the settings. */
export interface PasswordPolicySettingsJson {
  minLength: number;
  maxLength: number;
  historyDepth: number;
  lockoutThreshold: number;
  disabledRules: string[];
}

export type PasswordPolicyOverrides = Partial<PasswordPolicySettingsJson>;

type NumericSetting = Exclude<keyof PasswordPolicySettingsJson, 'disabledRules'>;

/** What an organization may choose (docs/api.md#password-policy), for validation and for API documentation. */
export const PASSWORD_POLICY_LIMITS: Readonly<Record<NumericSetting, { min: number; max: number; default: number }>> = {
  minLength: { min: 9, max: 64, default: 9 },
  maxLength: { min: 30, max: 128, default: 30 },
  historyDepth: { min: 0, max: 24, default: 3 },
  lockoutThreshold: { min: 3, max: 10, default: 5 },
};

export class PasswordPolicySettings {
  private constructor(
    readonly minLength: number,
    readonly maxLength: number,
    readonly historyDepth: number,
    readonly lockoutThreshold: number,
    readonly disabledRules: ReadonlySet<string>,
  ) {}

  /**
   * Defaults overridden by an organization's choices, validated against docs/api.md#password-policy; every
   * failing field is reported at once. `extraRuleCodes` are the codes of rules added by
   * other modules, which may be turned off too; any other unknown code is refused so a
   * typo does not silently leave a rule on.
   */
  static fromOverrides(overrides: PasswordPolicyOverrides = {}, extraRuleCodes: readonly string[] = []): PasswordPolicySettings {
    const errors: FieldError[] = [];
    const integerSetting = (field: NumericSetting, floor = PASSWORD_POLICY_LIMITS[field].min): number => {
      const { max, default: fallback } = PASSWORD_POLICY_LIMITS[field];
      const value = overrides[field] ?? fallback;
      if (Number.isInteger(value) && value >= floor && value <= max) return value;
      errors.push({ field, message: `${field} must be an integer from ${floor} to ${max}.` });
      return fallback;
    };
    const minLength = integerSetting('minLength');
    const maxLength = integerSetting('maxLength', Math.max(PASSWORD_POLICY_LIMITS.maxLength.min, minLength));
    const historyDepth = integerSetting('historyDepth');
    const lockoutThreshold = integerSetting('lockoutThreshold');
    const disabledRules = toggledOff(overrides.disabledRules ?? [], extraRuleCodes, errors);
    if (errors.length > 0) throw new PolicySettingsInvalidError(errors);
    return new PasswordPolicySettings(minLength, maxLength, historyDepth, lockoutThreshold, disabledRules);
  }

  isEnabled(code: string): boolean {
    return !this.disabledRules.has(code);
  }

  toJSON(): PasswordPolicySettingsJson {
    return {
      minLength: this.minLength,
      maxLength: this.maxLength,
      historyDepth: this.historyDepth,
      lockoutThreshold: this.lockoutThreshold,
      disabledRules: [...this.disabledRules].sort(),
    };
  }
}

function toggledOff(codes: unknown, extraRuleCodes: readonly string[], errors: FieldError[]): Set<string> {
  const field = 'disabledRules';
  if (!Array.isArray(codes) || !codes.every((code) => typeof code === 'string')) {
    errors.push({ field, message: `${field} must be a list of rule codes.` });
    return new Set();
  }
  const known = new Set<string>([...BUILT_IN_RULE_CODES, ...extraRuleCodes]);
  for (const code of codes) {
    if (MANDATORY_RULE_CODES.includes(code)) errors.push({ field, message: `The rule ${code} cannot be turned off.` });
    else if (!known.has(code)) errors.push({ field, message: `There is no rule ${JSON.stringify(code.slice(0, 64))}.` });
  }
  return new Set(codes);
}

export const DEFAULT_PASSWORD_POLICY = PasswordPolicySettings.fromOverrides();
