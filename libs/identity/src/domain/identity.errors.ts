import { DomainError } from '#libs/building-blocks';
import type { PolicyViolation } from '#libs/password-policy';

/** Wrong password, unknown e-mail and unknown organization: one answer for all (docs/guarantees.md#failures-that-answer-alike). */
export class InvalidCredentialsError extends DomainError {
  readonly code = 'INVALID_CREDENTIALS';
  readonly status = 401;

  constructor() {
    super('The organization, e-mail or password is not correct.');
  }
}

export class PasswordResetRequiredError extends DomainError {
  readonly code = 'PASSWORD_RESET_REQUIRED';
  readonly status = 423;

  constructor() {
    super('The password must be reset by e-mail before signing in.');
  }
}

/** Unknown, used and expired tokens answer alike (docs/guarantees.md#failures-that-answer-alike). */
export class ResetTokenInvalidError extends DomainError {
  readonly code = 'RESET_TOKEN_INVALID';
  readonly status = 410;

  constructor() {
    super('The reset link is invalid or has expired.');
  }
}

export class PasswordPolicyViolatedError extends DomainError {
  readonly code = 'PASSWORD_POLICY_VIOLATION';
  readonly status = 422;

  constructor(readonly violations: readonly PolicyViolation[]) {
    super('The password does not meet the password policy.');
    this.extensions.violations = violations;
  }
}
