import { Command } from '@nestjs/cqrs';
import type { RequestOrigin } from '../../../domain/security-event.js';

export class RequireAccountReset extends Command<void> {
  constructor(
    readonly organization: string,
    readonly accountId: string,
    readonly origin: RequestOrigin,
  ) {
    super();
  }
}
