import { Command } from '@nestjs/cqrs';
import type { StreamCaller } from '../../../domain/stream-caller.js';
import type { ReceiverConfiguration } from '../../../domain/stream.aggregate.js';
import type { StreamConfiguration } from '../../services/stream-configuration.js';

export class CreateStream extends Command<StreamConfiguration> {
  constructor(
    readonly caller: StreamCaller,
    /** The organization's name: required with the administration key, optional (and its own) with a stream credential. */
    readonly organization: string | undefined,
    readonly configuration: ReceiverConfiguration,
  ) {
    super();
  }
}
