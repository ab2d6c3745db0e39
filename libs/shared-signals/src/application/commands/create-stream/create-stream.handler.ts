import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, UnitOfWork } from '#libs/building-blocks';
import { StreamLimitReachedError } from '../../../domain/shared-signals.errors.js';
import { Stream } from '../../../domain/stream.aggregate.js';
import { StreamRepository } from '../../../domain/stream.repository.js';
import { TransmitterSettings } from '../../ports/transmitter-settings.port.js';
import { StreamAccess } from '../../services/stream-access.service.js';
import { type StreamConfiguration, toStreamConfiguration } from '../../services/stream-configuration.js';
import { CreateStream } from './create-stream.command.js';

/** SSF 1.0 §8.1.1.1: a new stream of the caller's organization, enabled, with no subjects (default_subjects NONE). */
@CommandHandler(CreateStream)
export class CreateStreamHandler implements ICommandHandler<CreateStream> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly streams: StreamRepository,
    private readonly access: StreamAccess,
    private readonly settings: TransmitterSettings,
  ) {}

  async execute({ caller, organization, configuration }: CreateStream): Promise<StreamConfiguration> {
    const owner = await this.access.organizationForCreate(caller, organization);
    const rules = { allowHttpPush: this.settings.allowHttpPush };
    const stream = Stream.create(randomUUID(), owner.id, configuration, rules, this.clock.now());
    const limit = this.settings.maxStreamsPerOrganization;
    await this.unitOfWork.run(async () => {
      if ((await this.streams.countLocked(owner.id)) >= limit) throw new StreamLimitReachedError(limit);
      await this.streams.add(stream);
    });
    return toStreamConfiguration(stream, this.settings.issuer, this.settings.minVerificationIntervalSeconds);
  }
}
