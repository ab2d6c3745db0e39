import { Command } from '@nestjs/cqrs';
import type { RequestOrigin } from '#libs/building-blocks';

export class RequireAccountReset extends Command<void> {
  constructor(
    readonly organization: string,
    readonly accountId: string,
    readonly origin: RequestOrigin,
  ) {
    super();
  }
}
