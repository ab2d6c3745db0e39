import { Command } from '@nestjs/cqrs';
import type { StreamCaller } from '../../../domain/stream-caller.js';
import type { ReceiverConfiguration } from '../../../domain/stream.aggregate.js';
import type { EchoedProperties, StreamConfiguration } from '../../services/stream-configuration.js';

/** PATCH (`replace` false) or PUT (`replace` true) of a stream's configuration. */
export class UpdateStream extends Command<StreamConfiguration> {
  constructor(
    readonly caller: StreamCaller,
    readonly streamId: string,
    readonly configuration: ReceiverConfiguration,
    readonly echoed: EchoedProperties,
    readonly replace: boolean,
  ) {
    super();
  }
}
