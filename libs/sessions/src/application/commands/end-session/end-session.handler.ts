import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { Clock, NotFoundError } from '#libs/shared-kernel';
import { CacheWriteThrough } from '../../../infrastructure/cache/cache-write-through.js';
import { MikroOrmSessionRepository } from '../../../infrastructure/persistence/mikro-orm-session.repository.js';
import { EndSessionCommand } from './end-session.command.js';

@CommandHandler(EndSessionCommand)
export class EndSessionHandler implements ICommandHandler<EndSessionCommand> {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly sessions: MikroOrmSessionRepository,
    private readonly writeThrough: CacheWriteThrough,
  ) {}

  async execute({ accountId, sessionId, reason }: EndSessionCommand): Promise<void> {
    const ended = await this.em.transactional(async () => {
      const ids = await this.sessions.endActive({ sessionId, accountId }, reason, this.clock.now());
      this.writeThrough.revoked({ sessionIds: ids });
      return ids.length > 0;
    });
    // Another account's session answers exactly like an unknown one.
    if (!ended) throw new NotFoundError('No such session.');
  }
}
