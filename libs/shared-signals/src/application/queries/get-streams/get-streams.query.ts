import { Query } from '@nestjs/cqrs';
import type { StreamCaller } from '../../../domain/stream-caller.js';
import type { StreamConfiguration } from '../../services/stream-configuration.js';

/** SSF 1.0 §8.1.1.2: one stream by id, or (no id) every stream the caller may see. */
export class GetStreams extends Query<StreamConfiguration | StreamConfiguration[]> {
  constructor(
    readonly caller: StreamCaller,
    readonly streamId: string | undefined,
  ) {
    super();
  }
}
