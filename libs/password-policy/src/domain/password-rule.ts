import type { PasswordPolicySettings } from './password-policy-settings.vo.js';
import type { PolicyViolation } from './policy-violation.vo.js';

/** What is checked: the password, and who it is for (CONTAINS_IDENTITY needs both). */
export interface PasswordCandidate {
  readonly password: string;
  readonly email?: string;
  readonly organizationName?: string;
}

/**
 * A synchronous rule of the policy. Other modules add their own by implementing this
 * interface; `code` is stable and public (clients branch on it, organizations turn it off).
 */
export interface PasswordRule {
  readonly code: string;
  /** One sentence stating the rule with the organization's parameters, for clients to render. */
  describe(settings: PasswordPolicySettings): string;
  check(candidate: PasswordCandidate, settings: PasswordPolicySettings): PolicyViolation | null;
}
