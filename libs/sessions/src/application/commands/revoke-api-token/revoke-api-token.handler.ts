import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, NotFoundError } from '#libs/building-blocks';
import { ApiTokenRepository } from '../../../domain/api-token.repository.js';
import { CredentialAudit } from '../../ports/credential-audit.js';
import { CredentialRevocations } from '../../ports/credential-revocations.port.js';
import { UnitOfWork } from '#libs/building-blocks';
import { RevokeApiTokenCommand } from './revoke-api-token.command.js';

@CommandHandler(RevokeApiTokenCommand)
export class RevokeApiTokenHandler implements ICommandHandler<RevokeApiTokenCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly apiTokens: ApiTokenRepository,
    private readonly revocations: CredentialRevocations,
    private readonly audit: CredentialAudit,
  ) {}

  async execute({ accountId, apiTokenId, organizationId, origin }: RevokeApiTokenCommand): Promise<void> {
    const revoked = await this.unitOfWork.run(async () => {
      const tokens = await this.apiTokens.revoke({ accountId, id: apiTokenId }, this.clock.now());
      this.revocations.revoked({ apiTokens: tokens });
      if (tokens.length === 0) return false;
      await this.audit.record({ type: 'api-token.revoked', accountId, organizationId, ...origin, details: { apiTokenId } });
      return true;
    });
    if (!revoked) throw new NotFoundError('No such API token.');
  }
}
