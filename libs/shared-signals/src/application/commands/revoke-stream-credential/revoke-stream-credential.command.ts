import { Command } from '@nestjs/cqrs';

export class RevokeStreamCredential extends Command<void> {
  constructor(
    readonly organization: string,
    readonly credentialId: string,
  ) {
    super();
  }
}
