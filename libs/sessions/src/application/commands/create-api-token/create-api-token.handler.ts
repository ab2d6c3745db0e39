import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '#libs/building-blocks';
import { API_TOKEN_PREFIX, ApiToken } from '../../../domain/api-token.aggregate.js';
import { ApiTokenRepository } from '../../../domain/api-token.repository.js';
import { UnauthenticatedError } from '../../../domain/sessions.errors.js';
import { CredentialAudit } from '../../ports/credential-audit.js';
import { TokenSecrets } from '../../ports/token-secrets.port.js';
import { UnitOfWork } from '#libs/building-blocks';
import { CreateApiTokenCommand, type CreatedApiToken } from './create-api-token.command.js';

@CommandHandler(CreateApiTokenCommand)
export class CreateApiTokenHandler implements ICommandHandler<CreateApiTokenCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly apiTokens: ApiTokenRepository,
    private readonly secrets: TokenSecrets,
    private readonly audit: CredentialAudit,
  ) {}

  async execute(command: CreateApiTokenCommand): Promise<CreatedApiToken> {
    const secret = this.secrets.generate(API_TOKEN_PREFIX);
    const token = ApiToken.create({ ...command, id: randomUUID(), token: secret, secretHash: this.secrets.hash(secret), now: this.clock.now() });
    const { accountId, organizationId, origin } = command;
    await this.unitOfWork.run(async () => {
      // The asking credential's era has ended (an expiry committed since the guard let it in).
      if (!(await this.apiTokens.addIfCurrent(token))) throw new UnauthenticatedError();
      await this.audit.record({ type: 'api-token.created', accountId, organizationId, ...origin, details: { apiTokenId: token.id, name: token.name } });
    });
    return { id: token.id, name: token.name, token: secret, createdAt: token.createdAt, expiresAt: token.expiresAt };
  }
}
