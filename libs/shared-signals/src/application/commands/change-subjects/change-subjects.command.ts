import { Command } from '@nestjs/cqrs';
import type { StreamCaller } from '../../../domain/stream-caller.js';

/** SSF 1.0 §8.1.3: add (`add` true) or remove a subject of a stream; `subject` is the request's RFC 9493 subject, unread. */
export class ChangeSubjects extends Command<void> {
  constructor(
    readonly caller: StreamCaller,
    readonly streamId: string,
    readonly subject: unknown,
    readonly add: boolean,
  ) {
    super();
  }
}
