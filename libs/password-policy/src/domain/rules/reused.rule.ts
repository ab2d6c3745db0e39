import type { PasswordHistoryMatcher } from '../password-history.port.js';
import type { PasswordPolicySettings } from '../password-policy-settings.vo.js';
import type { PolicyViolation } from '../policy-violation.vo.js';

/** Not a PasswordRule: it needs the account's stored hashes and an asynchronous verify. */
export class ReusedRule {
  readonly code = 'REUSED';

  describe(settings: PasswordPolicySettings): string {
    const depth = settings.historyDepth;
    if (depth === 0) return 'Not your current password.';
    if (depth === 1) return 'Not your current password nor the one used before it.';
    return `Not your current password nor any of the ${depth} used before it.`;
  }

  /**
   * `historyHashes` lists the current password's hash first, then earlier ones newest
   * first; only the current one and the last `historyDepth` before it count.
   */
  async check(
    password: string,
    historyHashes: readonly string[],
    settings: PasswordPolicySettings,
    matcher: PasswordHistoryMatcher,
  ): Promise<PolicyViolation | null> {
    const counted = historyHashes.slice(0, settings.historyDepth + 1);
    if (counted.length === 0 || !(await matcher.matchesAny(password, counted))) return null;
    return { code: this.code, message: 'Choose a password you have not used recently.' };
  }
}
