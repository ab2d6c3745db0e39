import { Command } from '@nestjs/cqrs';

export class RevokeApiTokenCommand extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly apiTokenId: string,
    readonly organizationId: string,
    readonly origin: { clientIp: string; userAgent: string | null },
  ) {
    super();
  }
}
