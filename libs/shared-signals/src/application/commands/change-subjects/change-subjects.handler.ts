import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, UnitOfWork } from '#libs/building-blocks';
import { StreamRepository } from '../../../domain/stream.repository.js';
import { parseSubject } from '../../../domain/subject.js';
import { StreamAccess } from '../../services/stream-access.service.js';
import { ChangeSubjects } from './change-subjects.command.js';

/**
 * Adds or removes one subject. Adding one that is there, or removing one that is not, changes nothing
 * and answers the same: a retried request is harmless.
 */
@CommandHandler(ChangeSubjects)
export class ChangeSubjectsHandler implements ICommandHandler<ChangeSubjects> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly streams: StreamRepository,
    private readonly access: StreamAccess,
  ) {}

  async execute({ caller, streamId, subject, add }: ChangeSubjects): Promise<void> {
    const stream = await this.access.stream(caller, streamId);
    const parsed = parseSubject(subject, await this.access.organizationOf(stream));
    await this.unitOfWork.run(async () => {
      await this.access.stream(caller, streamId, { lock: true });
      if (add) await this.streams.addSubject(streamId, parsed, this.clock.now());
      else await this.streams.removeSubject(streamId, parsed);
    });
  }
}
