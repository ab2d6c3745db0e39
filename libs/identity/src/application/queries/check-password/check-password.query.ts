import { Query } from '@nestjs/cqrs';
import type { PolicyViolation } from '#libs/password-policy';

export interface PasswordCheck {
  ok: boolean;
  violations: PolicyViolation[];
}

/** Every rule but REUSED, which needs an account (docs/api.md#password-policy). */
export class CheckPassword extends Query<PasswordCheck> {
  constructor(
    readonly organization: string,
    readonly password: string,
    readonly email: string | undefined,
  ) {
    super();
  }
}
