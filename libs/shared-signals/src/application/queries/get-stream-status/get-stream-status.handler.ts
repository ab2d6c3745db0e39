import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { StreamAccess } from '../../services/stream-access.service.js';
import { type StreamStatusView, toStreamStatus } from '../../services/stream-configuration.js';
import { GetStreamStatus } from './get-stream-status.query.js';

/** SSF 1.0 §8.1.2.1. */
@QueryHandler(GetStreamStatus)
export class GetStreamStatusHandler implements IQueryHandler<GetStreamStatus> {
  constructor(private readonly access: StreamAccess) {}

  async execute({ caller, streamId }: GetStreamStatus): Promise<StreamStatusView> {
    return toStreamStatus(await this.access.stream(caller, streamId));
  }
}
