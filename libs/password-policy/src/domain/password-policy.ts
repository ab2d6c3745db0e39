import type { CommonPasswordList } from './common-password-list.port.js';
import type { PasswordHistoryMatcher } from './password-history.port.js';
import type { PasswordPolicySettings } from './password-policy-settings.vo.js';
import type { PasswordCandidate, PasswordRule } from './password-rule.js';
import type { PolicyViolation } from './policy-violation.vo.js';
import { CommonRule } from './rules/common.rule.js';
import { ContainsIdentityRule } from './rules/contains-identity.rule.js';
import { InvalidCharacterRule } from './rules/invalid-character.rule.js';
import { LengthRule } from './rules/length.rule.js';
import { MissingDigitRule } from './rules/missing-digit.rule.js';
import { MissingLowercaseRule } from './rules/missing-lowercase.rule.js';
import { MissingSpecialRule } from './rules/missing-special.rule.js';
import { MissingUppercaseRule } from './rules/missing-uppercase.rule.js';
import { RepeatedRule } from './rules/repeated.rule.js';
import { ReusedRule } from './rules/reused.rule.js';
import { SequentialRule } from './rules/sequential.rule.js';

/** The body of `GET /v1/organizations/{organization}/password-policy`. */
export interface PasswordPolicyDescription {
  minLength: number;
  maxLength: number;
  historyDepth: number;
  lockoutThreshold: number;
  rules: Array<{ code: string; enabled: boolean; description: string }>;
}

// Stateless, so shared by every policy: building one per request costs next to nothing.
const STATELESS_RULES: readonly PasswordRule[] = [
  new LengthRule(),
  new InvalidCharacterRule(),
  new MissingUppercaseRule(),
  new MissingLowercaseRule(),
  new MissingDigitRule(),
  new MissingSpecialRule(),
  new SequentialRule(),
  new RepeatedRule(),
  new ContainsIdentityRule(),
];
const REUSED = new ReusedRule();

/** An organization's settings applied to the built-in rules and those other modules add. */
export class PasswordPolicy {
  private readonly rules: readonly PasswordRule[];
  private readonly enabledRules: readonly PasswordRule[];

  constructor(
    readonly settings: PasswordPolicySettings,
    commonPasswords: CommonPasswordList,
    extraRules: readonly PasswordRule[] = [],
  ) {
    this.rules = [...STATELESS_RULES, new CommonRule(commonPasswords), ...extraRules];
    const codes = new Set([...this.rules.map((rule) => rule.code), REUSED.code]);
    if (codes.size !== this.rules.length + 1) throw new Error('Every password rule needs a code of its own.');
    this.enabledRules = this.rules.filter((rule) => settings.isEnabled(rule.code));
  }

  /** Every violated rule, in rule order; REUSED is not checked here (no account). */
  evaluate(candidate: PasswordCandidate): PolicyViolation[] {
    const violations: PolicyViolation[] = [];
    for (const rule of this.enabledRules) {
      const violation = rule.check(candidate, this.settings);
      if (violation !== null) violations.push(violation);
    }
    return violations;
  }

  /** `evaluate` plus REUSED; `historyHashes` lists the current password's hash first, then older ones. */
  async evaluateWithHistory(
    candidate: PasswordCandidate,
    historyHashes: readonly string[],
    matcher: PasswordHistoryMatcher,
  ): Promise<PolicyViolation[]> {
    const violations = this.evaluate(candidate);
    const reused = await REUSED.check(candidate.password, historyHashes, this.settings, matcher);
    if (reused !== null) violations.push(reused);
    return violations;
  }

  describe(): PasswordPolicyDescription {
    const { minLength, maxLength, historyDepth, lockoutThreshold } = this.settings;
    const rules = [...this.rules, REUSED].map((rule) => ({
      code: rule.code,
      enabled: this.settings.isEnabled(rule.code),
      description: rule.describe(this.settings),
    }));
    return { minLength, maxLength, historyDepth, lockoutThreshold, rules };
  }
}
