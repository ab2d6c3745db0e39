import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { Clock, NotFoundError } from '#libs/shared-kernel';
import { CacheWriteThrough } from '../../../infrastructure/cache/cache-write-through.js';
import { MikroOrmApiTokenRepository } from '../../../infrastructure/persistence/mikro-orm-api-token.repository.js';
import { CredentialAudit } from '../../ports/credential-audit.js';
import { RevokeApiTokenCommand } from './revoke-api-token.command.js';

@CommandHandler(RevokeApiTokenCommand)
export class RevokeApiTokenHandler implements ICommandHandler<RevokeApiTokenCommand> {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly apiTokens: MikroOrmApiTokenRepository,
    private readonly writeThrough: CacheWriteThrough,
    private readonly audit: CredentialAudit,
  ) {}

  async execute({ accountId, apiTokenId, organizationId, origin }: RevokeApiTokenCommand): Promise<void> {
    const revoked = await this.em.transactional(async () => {
      const tokens = await this.apiTokens.revoke({ accountId, id: apiTokenId }, this.clock.now());
      this.writeThrough.revoked({ apiTokens: tokens });
      if (tokens.length === 0) return false;
      await this.audit.record({ type: 'api-token.revoked', accountId, organizationId, ...origin, details: { apiTokenId } });
      return true;
    });
    if (!revoked) throw new NotFoundError('No such API token.');
  }
}
