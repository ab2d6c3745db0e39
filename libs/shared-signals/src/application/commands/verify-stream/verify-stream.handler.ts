import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, UnitOfWork } from '#libs/building-blocks';
import { VERIFICATION } from '../../../domain/event-types.js';
import { VerificationTooFrequentError } from '../../../domain/shared-signals.errors.js';
import { StreamRepository } from '../../../domain/stream.repository.js';
import { StreamEvents } from '../../ports/stream-events.port.js';
import { TransmitterSettings } from '../../ports/transmitter-settings.port.js';
import { StreamAccess } from '../../services/stream-access.service.js';
import { VerifyStream } from './verify-stream.command.js';

/**
 * SSF 1.0 §8.1.4.2: a verification event (with the receiver's `state`) joins the stream's event log in the
 * same transaction that records the request; asked again within min_verification_interval, 429.
 */
@CommandHandler(VerifyStream)
export class VerifyStreamHandler implements ICommandHandler<VerifyStream> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly streams: StreamRepository,
    private readonly access: StreamAccess,
    private readonly events: StreamEvents,
    private readonly settings: TransmitterSettings,
  ) {}

  execute({ caller, streamId, state }: VerifyStream): Promise<void> {
    return this.unitOfWork.run(async () => {
      const stream = await this.access.stream(caller, streamId, { lock: true });
      const now = this.clock.now();
      const wait = stream.requestVerification(now, this.settings.minVerificationIntervalSeconds);
      if (wait > 0) throw new VerificationTooFrequentError(wait);
      await this.streams.save(stream);
      const payload = state === undefined ? {} : { state };
      await this.events.append(stream.id, { eventType: VERIFICATION, payload, subject: null, occurredAt: now });
    });
  }
}
