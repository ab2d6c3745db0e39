import type { PasswordPolicySettings } from '../password-policy-settings.vo.js';
import type { PasswordCandidate, PasswordRule } from '../password-rule.js';
import type { PolicyViolation } from '../policy-violation.vo.js';

/** docs/api.md#password-policy counts characters as Unicode code points: a surrogate pair is one character. */
export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

export class LengthRule implements PasswordRule {
  readonly code = 'LENGTH';

  describe(settings: PasswordPolicySettings): string {
    return `${settings.minLength} to ${settings.maxLength} characters.`;
  }

  check({ password }: PasswordCandidate, settings: PasswordPolicySettings): PolicyViolation | null {
    const length = codePointLength(password);
    if (length >= settings.minLength && length <= settings.maxLength) return null;
    return { code: this.code, message: `Use ${settings.minLength} to ${settings.maxLength} characters.` };
  }
}
