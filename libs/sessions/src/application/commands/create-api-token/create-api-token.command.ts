import { Command } from '@nestjs/cqrs';

export interface CreatedApiToken {
  id: string;
  name: string;
  /** The secret, shown this once. */
  token: string;
  createdAt: Date;
  expiresAt: Date | null;
}

export class CreateApiTokenCommand extends Command<CreatedApiToken> {
  constructor(
    readonly accountId: string,
    readonly organizationId: string,
    readonly name: string,
    readonly expiresInDays: number | null,
    readonly origin: { clientIp: string; userAgent: string | null },
    /** The credential version of the access token that asks: the token is made in that era or not at all. */
    readonly credentialVersion: number,
  ) {
    super();
  }
}
