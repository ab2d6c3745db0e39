import { Command } from '@nestjs/cqrs';
import type { RequestOrigin } from '#libs/building-blocks';

export class ResetPassword extends Command<void> {
  constructor(
    readonly token: string,
    readonly newPassword: string,
    readonly expireSessionsAndTokens: boolean,
    readonly origin: RequestOrigin,
  ) {
    super();
  }
}
