import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '#libs/building-blocks';
import { OrganizationNotFoundError, StreamCredentialNotFoundError } from '../../../domain/shared-signals.errors.js';
import { StreamCredentialRepository } from '../../../domain/stream-credential.js';
import { OrganizationDirectory } from '../../ports/organization-directory.port.js';
import { RevokeStreamCredential } from './revoke-stream-credential.command.js';

/** The credential stops working at once (it is looked up on every request); its streams stay. */
@CommandHandler(RevokeStreamCredential)
export class RevokeStreamCredentialHandler implements ICommandHandler<RevokeStreamCredential> {
  constructor(
    private readonly clock: Clock,
    private readonly organizations: OrganizationDirectory,
    private readonly credentials: StreamCredentialRepository,
  ) {}

  async execute({ organization, credentialId }: RevokeStreamCredential): Promise<void> {
    const owner = await this.organizations.byName(organization.toLowerCase());
    if (!owner) throw new OrganizationNotFoundError();
    if (!(await this.credentials.revoke(owner.id, credentialId, this.clock.now()))) throw new StreamCredentialNotFoundError();
  }
}
