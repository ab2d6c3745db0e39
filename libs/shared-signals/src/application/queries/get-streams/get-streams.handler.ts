import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { StreamRepository } from '../../../domain/stream.repository.js';
import { TransmitterSettings } from '../../ports/transmitter-settings.port.js';
import { StreamAccess } from '../../services/stream-access.service.js';
import { type StreamConfiguration, toStreamConfiguration } from '../../services/stream-configuration.js';
import { GetStreams } from './get-streams.query.js';

@QueryHandler(GetStreams)
export class GetStreamsHandler implements IQueryHandler<GetStreams> {
  constructor(
    private readonly streams: StreamRepository,
    private readonly access: StreamAccess,
    private readonly settings: TransmitterSettings,
  ) {}

  async execute({ caller, streamId }: GetStreams): Promise<StreamConfiguration | StreamConfiguration[]> {
    const view = (stream: Parameters<typeof toStreamConfiguration>[0]) =>
      toStreamConfiguration(stream, this.settings.issuer, this.settings.minVerificationIntervalSeconds);
    if (streamId !== undefined) return view(await this.access.stream(caller, streamId));
    const streams = await this.streams.list(caller.kind === 'admin' ? null : caller.organizationId);
    return streams.map(view);
  }
}
