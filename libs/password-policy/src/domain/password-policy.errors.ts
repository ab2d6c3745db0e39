import { DomainError } from '#libs/building-blocks';
import type { PolicyViolation } from './policy-violation.vo.js';

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** Settings outside the limits of docs/api.md#password-policy; `errors` names every failing field. */
export class PolicySettingsInvalidError extends DomainError {
  readonly code = 'VALIDATION_FAILED';
  readonly status = 400;

  constructor(readonly errors: readonly FieldError[]) {
    super(errors.map((error) => error.message).join(' '));
    this.extensions.errors = errors;
  }

  /** The first failing field. */
  get field(): string {
    return this.errors[0].field;
  }
}

/** A password the policy refuses; carries every violation, never the password. */
export class PasswordPolicyViolationError extends DomainError {
  readonly code = 'PASSWORD_POLICY_VIOLATION';
  readonly status = 422;

  constructor(readonly violations: readonly PolicyViolation[]) {
    super('The password does not meet the password policy.');
    this.extensions.violations = violations;
  }
}
