import { Command } from '@nestjs/cqrs';
import type { StreamCaller } from '../../../domain/stream-caller.js';

export class DeleteStream extends Command<void> {
  constructor(
    readonly caller: StreamCaller,
    readonly streamId: string,
  ) {
    super();
  }
}
