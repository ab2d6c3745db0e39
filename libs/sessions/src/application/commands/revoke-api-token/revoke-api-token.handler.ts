import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, DomainEvents, NotFoundError, UnitOfWork } from '#libs/building-blocks';
import { ApiTokenRevoked } from '../../../domain/api-token.events.js';
import { ApiTokenRepository } from '../../../domain/api-token.repository.js';
import { CredentialRevocations } from '../../ports/credential-revocations.port.js';
import { RevokeApiTokenCommand } from './revoke-api-token.command.js';

/** Revokes one token of the caller's and publishes ApiTokenRevoked in the same transaction; nothing is published for a token not revoked now. */
@CommandHandler(RevokeApiTokenCommand)
export class RevokeApiTokenHandler implements ICommandHandler<RevokeApiTokenCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly apiTokens: ApiTokenRepository,
    private readonly revocations: CredentialRevocations,
    private readonly events: DomainEvents,
  ) {}

  async execute({ accountId, apiTokenId, organizationId, origin }: RevokeApiTokenCommand): Promise<void> {
    const revoked = await this.unitOfWork.run(async () => {
      const now = this.clock.now();
      const tokens = await this.apiTokens.revoke({ accountId, id: apiTokenId }, now);
      this.revocations.revoked({ apiTokens: tokens });
      if (tokens.length === 0) return false;
      await this.events.publish([new ApiTokenRevoked(apiTokenId, accountId, organizationId, origin, now)]);
      return true;
    });
    if (!revoked) throw new NotFoundError('No such API token.');
  }
}
