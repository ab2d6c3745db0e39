import { Query } from '@nestjs/cqrs';
import type { StreamCredentialView } from '../../commands/create-stream-credential/create-stream-credential.command.js';

export class ListStreamCredentials extends Query<StreamCredentialView[]> {
  constructor(readonly organization: string) {
    super();
  }
}
