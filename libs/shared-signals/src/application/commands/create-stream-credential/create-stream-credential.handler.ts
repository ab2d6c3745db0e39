import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '#libs/building-blocks';
import { OrganizationNotFoundError } from '../../../domain/shared-signals.errors.js';
import { StreamCredentialRepository } from '../../../domain/stream-credential.js';
import { OrganizationDirectory } from '../../ports/organization-directory.port.js';
import { StreamCredentialSecrets } from '../../ports/stream-credential-secrets.port.js';
import { CreateStreamCredential, type CreatedStreamCredential } from './create-stream-credential.command.js';

/** A stream management credential of one organization; only its hash is stored. */
@CommandHandler(CreateStreamCredential)
export class CreateStreamCredentialHandler implements ICommandHandler<CreateStreamCredential> {
  constructor(
    private readonly clock: Clock,
    private readonly organizations: OrganizationDirectory,
    private readonly credentials: StreamCredentialRepository,
    private readonly secrets: StreamCredentialSecrets,
  ) {}

  async execute({ organization, name }: CreateStreamCredential): Promise<CreatedStreamCredential> {
    const owner = await this.organizations.byName(organization.toLowerCase());
    if (!owner) throw new OrganizationNotFoundError();
    const token = this.secrets.generate();
    const credential = {
      id: randomUUID(),
      organizationId: owner.id,
      name,
      secretHash: this.secrets.hash(token),
      createdAt: this.clock.now(),
      revokedAt: null,
      lastUsedAt: null,
    };
    await this.credentials.add(credential);
    return { id: credential.id, organization: owner.name, name, token, createdAt: credential.createdAt, revokedAt: null, lastUsedAt: null };
  }
}
