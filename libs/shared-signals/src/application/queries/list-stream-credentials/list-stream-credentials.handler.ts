import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { OrganizationNotFoundError } from '../../../domain/shared-signals.errors.js';
import { StreamCredentialRepository } from '../../../domain/stream-credential.js';
import type { StreamCredentialView } from '../../commands/create-stream-credential/create-stream-credential.command.js';
import { OrganizationDirectory } from '../../ports/organization-directory.port.js';
import { ListStreamCredentials } from './list-stream-credentials.query.js';

/** The organization's stream credentials, revoked ones included; never a secret or its hash. */
@QueryHandler(ListStreamCredentials)
export class ListStreamCredentialsHandler implements IQueryHandler<ListStreamCredentials> {
  constructor(
    private readonly organizations: OrganizationDirectory,
    private readonly credentials: StreamCredentialRepository,
  ) {}

  async execute({ organization }: ListStreamCredentials): Promise<StreamCredentialView[]> {
    const owner = await this.organizations.byName(organization.toLowerCase());
    if (!owner) throw new OrganizationNotFoundError();
    const credentials = await this.credentials.list(owner.id);
    return credentials.map(({ id, name, createdAt, revokedAt, lastUsedAt }) => ({
      id,
      organization: owner.name,
      name,
      createdAt,
      revokedAt,
      lastUsedAt,
    }));
  }
}
