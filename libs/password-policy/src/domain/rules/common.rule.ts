import type { CommonPasswordList } from '../common-password-list.port.js';
import type { PasswordCandidate, PasswordRule } from '../password-rule.js';
import type { PolicyViolation } from '../policy-violation.vo.js';

export class CommonRule implements PasswordRule {
  readonly code = 'COMMON';

  constructor(private readonly list: CommonPasswordList) {}

  describe(): string {
    return 'Not a commonly used or breached password.';
  }

  check({ password }: PasswordCandidate): PolicyViolation | null {
    if (!this.list.has(password.toLowerCase())) return null;
    return { code: this.code, message: 'This password is too common; choose one that is harder to guess.' };
  }
}
