import { Command } from '@nestjs/cqrs';
import type { RequestOrigin } from '#libs/building-blocks';
import type { IssuedTokens } from '../../ports/account-sessions.port.js';

export class SignIn extends Command<IssuedTokens> {
  constructor(
    readonly organization: string,
    readonly email: string,
    readonly password: string,
    readonly origin: RequestOrigin,
  ) {
    super();
  }
}
