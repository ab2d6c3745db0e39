import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, UnitOfWork } from '#libs/building-blocks';
import { StreamRepository } from '../../../domain/stream.repository.js';
import { StreamAccess } from '../../services/stream-access.service.js';
import { type StreamStatusView, toStreamStatus } from '../../services/stream-configuration.js';
import { ChangeStreamStatus } from './change-stream-status.command.js';

/** SSF 1.0 §8.1.2.2: enabled delivers, paused holds events until enabled again, disabled drops them. */
@CommandHandler(ChangeStreamStatus)
export class ChangeStreamStatusHandler implements ICommandHandler<ChangeStreamStatus> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly streams: StreamRepository,
    private readonly access: StreamAccess,
  ) {}

  execute({ caller, streamId, status, reason }: ChangeStreamStatus): Promise<StreamStatusView> {
    return this.unitOfWork.run(async () => {
      const stream = await this.access.stream(caller, streamId, { lock: true });
      stream.changeStatus(status, reason, this.clock.now());
      await this.streams.save(stream);
      return toStreamStatus(stream);
    });
  }
}
