import { Query } from '@nestjs/cqrs';
import type { PasswordPolicyDescription } from '#libs/password-policy';

export class GetPasswordPolicy extends Query<PasswordPolicyDescription> {
  constructor(readonly organization: string) {
    super();
  }
}
