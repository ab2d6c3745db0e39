import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, NotFoundError } from '#libs/building-blocks';
import { UnitOfWork } from '#libs/building-blocks';
import { SessionTransitions } from '../../services/session-transitions.js';
import { EndSessionCommand } from './end-session.command.js';

@CommandHandler(EndSessionCommand)
export class EndSessionHandler implements ICommandHandler<EndSessionCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly transitions: SessionTransitions,
  ) {}

  async execute({ accountId, sessionId, reason }: EndSessionCommand): Promise<void> {
    const ended = await this.unitOfWork.run(async () => {
      const ended = await this.transitions.endActive({ sessionId, accountId }, reason, this.clock.now());
      return ended.length > 0;
    });
    // Another account's session answers exactly like an unknown one.
    if (!ended) throw new NotFoundError('No such session.');
  }
}
