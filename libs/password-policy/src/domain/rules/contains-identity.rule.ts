import type { PasswordCandidate, PasswordRule } from '../password-rule.js';
import type { PolicyViolation } from '../policy-violation.vo.js';
import { codePointLength } from './length.rule.js';

/** Shorter identities would forbid too many harmless passwords (docs/api.md#password-policy). */
const MIN_IDENTITY_LENGTH = 3;

/** The part before the last `@` (a quoted local part may itself contain `@`). */
function localPart(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0 ? email : email.slice(0, at);
}

export class ContainsIdentityRule implements PasswordRule {
  readonly code = 'CONTAINS_IDENTITY';

  describe(): string {
    return `Does not contain the part of your e-mail address before the @ or the organization name (when ${MIN_IDENTITY_LENGTH} or more characters), in any case.`;
  }

  check({ password, email, organizationName }: PasswordCandidate): PolicyViolation | null {
    const lowercase = password.toLowerCase();
    const identities: Array<[name: string, value: string | undefined]> = [
      ['your e-mail name', email === undefined ? undefined : localPart(email)],
      ['the organization name', organizationName],
    ];
    const found = identities
      .filter(
        ([, value]) => value !== undefined && codePointLength(value) >= MIN_IDENTITY_LENGTH && lowercase.includes(value.toLowerCase()),
      )
      .map(([name]) => name);
    if (found.length === 0) return null;
    return { code: this.code, message: `Do not include ${found.join(' or ')} in the password.` };
  }
}
