import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '#libs/building-blocks';
import { StreamRepository } from '../../../domain/stream.repository.js';
import { StreamAccess } from '../../services/stream-access.service.js';
import { DeleteStream } from './delete-stream.command.js';

/** SSF 1.0 §8.1.1.5: the stream and its subjects are gone; no event is produced for it any more. */
@CommandHandler(DeleteStream)
export class DeleteStreamHandler implements ICommandHandler<DeleteStream> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly streams: StreamRepository,
    private readonly access: StreamAccess,
  ) {}

  execute({ caller, streamId }: DeleteStream): Promise<void> {
    return this.unitOfWork.run(async () => {
      await this.access.stream(caller, streamId, { lock: true });
      await this.streams.delete(streamId);
    });
  }
}
