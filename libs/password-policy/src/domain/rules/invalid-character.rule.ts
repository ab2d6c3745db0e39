import type { PasswordCandidate, PasswordRule } from '../password-rule.js';
import type { PolicyViolation } from '../policy-violation.vo.js';

export class InvalidCharacterRule implements PasswordRule {
  readonly code = 'INVALID_CHARACTER';

  describe(): string {
    return 'Only printable ASCII characters: letters, digits and symbols; no spaces, control or non-ASCII characters.';
  }

  check({ password }: PasswordCandidate): PolicyViolation | null {
    for (let i = 0; i < password.length; i++) {
      const unit = password.charCodeAt(i);
      if (unit < 0x21 || unit > 0x7e) {
        return {
          code: this.code,
          message: 'Use only letters, digits and symbols of printable ASCII; spaces, control and non-ASCII characters are not allowed.',
        };
      }
    }
    return null;
  }
}
