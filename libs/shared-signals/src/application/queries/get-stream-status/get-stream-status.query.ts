import { Query } from '@nestjs/cqrs';
import type { StreamCaller } from '../../../domain/stream-caller.js';
import type { StreamStatusView } from '../../services/stream-configuration.js';

export class GetStreamStatus extends Query<StreamStatusView> {
  constructor(
    readonly caller: StreamCaller,
    readonly streamId: string,
  ) {
    super();
  }
}
