import { Command } from '@nestjs/cqrs';
import type { RequestOrigin } from '#libs/building-blocks';

export class RequestReset extends Command<void> {
  constructor(
    readonly organization: string,
    readonly email: string,
    readonly origin: RequestOrigin,
  ) {
    super();
  }
}
