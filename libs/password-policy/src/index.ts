export { CommonPasswordList } from './domain/common-password-list.port.js';
export { PasswordHistoryMatcher } from './domain/password-history.port.js';
export { PasswordPolicy, type PasswordPolicyDescription } from './domain/password-policy.js';
export { type FieldError, PasswordPolicyViolationError, PolicySettingsInvalidError } from './domain/password-policy.errors.js';
export {
  BUILT_IN_RULE_CODES,
  DEFAULT_PASSWORD_POLICY,
  MANDATORY_RULE_CODES,
  PASSWORD_POLICY_LIMITS,
  PasswordPolicySettings,
  type PasswordPolicyOverrides,
  type PasswordPolicySettingsJson,
} from './domain/password-policy-settings.vo.js';
export type { PasswordCandidate, PasswordRule } from './domain/password-rule.js';
export type { PolicyViolation } from './domain/policy-violation.vo.js';
export { ZxcvbnCommonPasswordList } from './infrastructure/zxcvbn-common-password.list.js';
