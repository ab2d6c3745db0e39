import { Command } from '@nestjs/cqrs';
import type { RequestOrigin } from '#libs/building-blocks';

/** Who is asking, as the sessions module's guard identified them. */
export interface Caller {
  accountId: string;
  sessionId: string | null;
  apiTokenId: string | null;
}

export class ChangePassword extends Command<void> {
  constructor(
    readonly caller: Caller,
    readonly currentPassword: string,
    readonly newPassword: string,
    readonly expireSessionsAndTokens: boolean,
    readonly origin: RequestOrigin,
  ) {
    super();
  }
}
