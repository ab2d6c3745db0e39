import { Injectable } from '@nestjs/common';
import { PasswordRuleExtension } from '#libs/identity';
import type { PasswordCandidate, PasswordRule, PolicyViolation } from '#libs/password-policy';

/**
 * A password rule of one's own: refuses passwords that contain a product name. Declared with
 * `@PasswordRuleExtension()`, it joins every organization's policy, is listed by the policy
 * endpoints, answers 422 with its own code, and an organization may turn it off by that code.
 */
@PasswordRuleExtension()
@Injectable()
export class NoProductNameRule implements PasswordRule {
  readonly code = 'ACME_PRODUCT_NAME';
  private readonly names = ['acme', 'roadrunner'];

  describe(): string {
    return 'Does not contain an ACME product name.';
  }

  check({ password }: PasswordCandidate): PolicyViolation | null {
    const lowercase = password.toLowerCase();
    return this.names.some((name) => lowercase.includes(name)) ? { code: this.code, message: 'Do not use an ACME product name.' } : null;
  }
}
