import { Command } from '@nestjs/cqrs';

export interface StreamCredentialView {
  id: string;
  organization: string;
  name: string;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

export interface CreatedStreamCredential extends StreamCredentialView {
  /** The secret, shown this once. */
  token: string;
}

export class CreateStreamCredential extends Command<CreatedStreamCredential> {
  constructor(
    readonly organization: string,
    readonly name: string,
  ) {
    super();
  }
}
