import { Command } from '@nestjs/cqrs';
import type { RequestOrigin } from '#libs/building-blocks';

/** docs/api.md#administration: an administrator's answer to a suspected compromise. */
export class ExpireAccountSessions extends Command<void> {
  constructor(
    readonly organization: string,
    readonly accountId: string,
    readonly origin: RequestOrigin,
  ) {
    super();
  }
}
