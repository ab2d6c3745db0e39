import { Command } from '@nestjs/cqrs';
import type { PasswordPolicyDescription, PasswordPolicyOverrides } from '#libs/password-policy';
import type { RequestOrigin } from '#libs/building-blocks';

/** PUT semantics: the overrides replace the organization's previous ones; what is left out takes the default. */
export class UpdatePasswordPolicy extends Command<PasswordPolicyDescription> {
  constructor(
    readonly organization: string,
    readonly overrides: PasswordPolicyOverrides,
    readonly origin: RequestOrigin,
  ) {
    super();
  }
}
