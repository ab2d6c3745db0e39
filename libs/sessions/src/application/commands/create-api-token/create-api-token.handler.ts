import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, DomainEvents, UnitOfWork } from '#libs/building-blocks';
import { ApiTokenCreated } from '../../../domain/api-token.events.js';
import { API_TOKEN_PREFIX, ApiToken } from '../../../domain/api-token.aggregate.js';
import { ApiTokenRepository } from '../../../domain/api-token.repository.js';
import { UnauthenticatedError } from '../../../domain/sessions.errors.js';
import { TokenSecrets } from '../../ports/token-secrets.port.js';
import { CreateApiTokenCommand, type CreatedApiToken } from './create-api-token.command.js';

/** Stores the token and publishes ApiTokenCreated in one transaction: a subscriber's failure (the audit trail's) stores nothing. */
@CommandHandler(CreateApiTokenCommand)
export class CreateApiTokenHandler implements ICommandHandler<CreateApiTokenCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly apiTokens: ApiTokenRepository,
    private readonly secrets: TokenSecrets,
    private readonly events: DomainEvents,
  ) {}

  async execute(command: CreateApiTokenCommand): Promise<CreatedApiToken> {
    const secret = this.secrets.generate(API_TOKEN_PREFIX);
    const token = ApiToken.create({
      ...command,
      id: randomUUID(),
      token: secret,
      secretHash: this.secrets.hash(secret),
      now: this.clock.now(),
    });
    const { accountId, organizationId, origin } = command;
    await this.unitOfWork.run(async () => {
      // The asking credential's era has ended (an expiry committed since the guard let it in).
      if (!(await this.apiTokens.addIfCurrent(token))) throw new UnauthenticatedError();
      await this.events.publish([new ApiTokenCreated(token.id, accountId, organizationId, token.name, origin, token.createdAt)]);
    });
    return { id: token.id, name: token.name, token: secret, createdAt: token.createdAt, expiresAt: token.expiresAt };
  }
}
