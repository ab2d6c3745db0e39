import type { PasswordRule } from '#libs/password-policy';

/** Rules that other modules add to every organization's policy (the extension point). */
export abstract class ExtraPasswordRules {
  abstract all(): readonly PasswordRule[];
}
