import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, UnitOfWork } from '#libs/building-blocks';
import { InvalidStreamConfigurationError } from '../../../domain/shared-signals.errors.js';
import { StreamRepository } from '../../../domain/stream.repository.js';
import { TransmitterSettings } from '../../ports/transmitter-settings.port.js';
import { StreamAccess } from '../../services/stream-access.service.js';
import { echoMismatches, type StreamConfiguration, toStreamConfiguration } from '../../services/stream-configuration.js';
import { UpdateStream } from './update-stream.command.js';

/** SSF 1.0 §8.1.1.3 (PATCH: what is given changes) and §8.1.1.4 (PUT: what is left out returns to its default). */
@CommandHandler(UpdateStream)
export class UpdateStreamHandler implements ICommandHandler<UpdateStream> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly streams: StreamRepository,
    private readonly access: StreamAccess,
    private readonly settings: TransmitterSettings,
  ) {}

  execute({ caller, streamId, configuration, echoed, replace }: UpdateStream): Promise<StreamConfiguration> {
    const { issuer, minVerificationIntervalSeconds: interval } = this.settings;
    return this.unitOfWork.run(async () => {
      const stream = await this.access.stream(caller, streamId, { lock: true });
      const mismatches = echoMismatches(toStreamConfiguration(stream, issuer, interval), echoed);
      if (mismatches.length > 0) throw new InvalidStreamConfigurationError(mismatches);
      const rules = { allowHttpPush: this.settings.allowHttpPush };
      if (replace) stream.replace(configuration, rules, this.clock.now());
      else stream.update(configuration, rules, this.clock.now());
      await this.streams.save(stream);
      return toStreamConfiguration(stream, issuer, interval);
    });
  }
}
