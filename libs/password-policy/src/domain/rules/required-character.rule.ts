import type { PasswordCandidate, PasswordRule } from '../password-rule.js';
import type { PolicyViolation } from '../policy-violation.vo.js';

/** "At least one of these characters": the shape shared by the four MISSING_* rules. */
export abstract class RequiredCharacterRule implements PasswordRule {
  private readonly accepted = new Uint8Array(128);
  private readonly violation: PolicyViolation;

  protected constructor(
    readonly code: string,
    private readonly kind: string,
    characters: string,
  ) {
    for (const character of characters) this.accepted[character.charCodeAt(0)] = 1;
    this.violation = { code, message: `Add at least one ${kind}.` };
  }

  describe(): string {
    return `At least one ${this.kind}.`;
  }

  check({ password }: PasswordCandidate): PolicyViolation | null {
    for (let i = 0; i < password.length; i++) {
      const unit = password.charCodeAt(i);
      if (unit < 128 && this.accepted[unit] === 1) return null;
    }
    return this.violation;
  }
}
