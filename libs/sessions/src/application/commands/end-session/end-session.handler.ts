import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, NotFoundError } from '#libs/building-blocks';
import { SessionRepository } from '../../../domain/session.repository.js';
import { CredentialRevocations } from '../../ports/credential-revocations.port.js';
import { UnitOfWork } from '#libs/building-blocks';
import { EndSessionCommand } from './end-session.command.js';

@CommandHandler(EndSessionCommand)
export class EndSessionHandler implements ICommandHandler<EndSessionCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly sessions: SessionRepository,
    private readonly revocations: CredentialRevocations,
  ) {}

  async execute({ accountId, sessionId, reason }: EndSessionCommand): Promise<void> {
    const ended = await this.unitOfWork.run(async () => {
      const ids = await this.sessions.endActive({ sessionId, accountId }, reason, this.clock.now());
      this.revocations.revoked({ sessionIds: ids });
      return ids.length > 0;
    });
    // Another account's session answers exactly like an unknown one.
    if (!ended) throw new NotFoundError('No such session.');
  }
}
