import { Command } from '@nestjs/cqrs';
import type { StreamCaller } from '../../../domain/stream-caller.js';
import type { StreamStatus } from '../../../domain/stream.aggregate.js';
import type { StreamStatusView } from '../../services/stream-configuration.js';

export class ChangeStreamStatus extends Command<StreamStatusView> {
  constructor(
    readonly caller: StreamCaller,
    readonly streamId: string,
    readonly status: StreamStatus,
    readonly reason: string | null,
  ) {
    super();
  }
}
