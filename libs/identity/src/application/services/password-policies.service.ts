import { Injectable } from '@nestjs/common';
import {
  CommonPasswordList,
  PasswordHistoryMatcher,
  PasswordPolicy,
  type PasswordPolicyOverrides,
  PasswordPolicySettings,
  PolicySettingsInvalidError,
} from '#libs/password-policy';
import { ValidationFailedError } from '#libs/building-blocks';
import type { Account } from '../../domain/account.aggregate.js';
import { PasswordPolicyViolatedError } from '../../domain/identity.errors.js';
import type { Organization } from '../../domain/organization.aggregate.js';
import type { PasswordHistory } from '../../domain/password-history.vo.js';
import { ExtraPasswordRules } from '../ports/extra-password-rules.port.js';

/** Builds an organization's policy from its overrides, the shared common list and the rules other modules add. */
@Injectable()
export class PasswordPolicies {
  constructor(
    private readonly commonPasswords: CommonPasswordList,
    private readonly extraRules: ExtraPasswordRules,
    private readonly historyMatcher: PasswordHistoryMatcher,
  ) {}

  /** Validates overrides against the limits of docs/api.md#password-policy; a failing field answers 400 VALIDATION_FAILED naming it. */
  settings(overrides: PasswordPolicyOverrides): PasswordPolicySettings {
    try {
      return PasswordPolicySettings.fromOverrides(
        overrides,
        this.extraRules.all().map((rule) => rule.code),
      );
    } catch (error) {
      if (error instanceof PolicySettingsInvalidError)
        throw new ValidationFailedError('The password policy is not valid.', [...error.errors]);
      throw error;
    }
  }

  forOrganization(organization: Organization): PasswordPolicy {
    return new PasswordPolicy(this.settings(organization.policyOverrides), this.commonPasswords, this.extraRules.all());
  }

  /** Every violation including REUSED, or nothing; throws 422 with all of them. */
  async assertAcceptable(password: string, account: Account, organization: Organization, history: PasswordHistory): Promise<void> {
    const policy = this.forOrganization(organization);
    const candidate = { password, email: account.email, organizationName: organization.name };
    const violations = await policy.evaluateWithHistory(candidate, history.withCurrent(account.passwordHash), this.historyMatcher);
    if (violations.length > 0) throw new PasswordPolicyViolatedError(violations);
  }
}
