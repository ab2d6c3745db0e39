import { Command } from '@nestjs/cqrs';
import type { RequestOrigin } from '../../../domain/security-event.js';

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
