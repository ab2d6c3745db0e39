import type { PolicyViolation } from './policy-violation.vo.js';

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/**
 * Same shape as the shared kernel's DomainError (`code`, `message`, `extensions`), which
 * this module does not import: the shared kernel's public surface brings NestJS and
 * MikroORM with it, and this module stays free of both.
 */
abstract class PasswordPolicyError extends Error {
  abstract readonly code: string;
  readonly extensions: Record<string, unknown> = {};

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Settings outside the limits of docs/api.md#password-policy; `errors` names every failing field. */
export class PolicySettingsInvalidError extends PasswordPolicyError {
  readonly code = 'VALIDATION_FAILED';

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
export class PasswordPolicyViolationError extends PasswordPolicyError {
  readonly code = 'PASSWORD_POLICY_VIOLATION';

  constructor(readonly violations: readonly PolicyViolation[]) {
    super('The password does not meet the password policy.');
    this.extensions.violations = violations;
  }
}
