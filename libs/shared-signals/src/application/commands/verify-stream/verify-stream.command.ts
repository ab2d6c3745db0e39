import { Command } from '@nestjs/cqrs';
import type { StreamCaller } from '../../../domain/stream-caller.js';

export class VerifyStream extends Command<void> {
  constructor(
    readonly caller: StreamCaller,
    readonly streamId: string,
    /** Echoed in the verification event's `state`. */
    readonly state: string | undefined,
  ) {
    super();
  }
}
