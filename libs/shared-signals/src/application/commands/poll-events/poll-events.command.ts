import type { StreamCaller } from '../../../domain/stream-caller.js';
import type { SetError } from '../../ports/event-log.port.js';

/** An RFC 8936 poll request, already validated. */
export class PollEventsCommand {
  constructor(
    readonly caller: StreamCaller,
    readonly streamId: string,
    /** At most this many SETs in the answer (0: only acknowledge). */
    readonly maxEvents: number,
    /** false: wait (long poll, bounded by SSF_POLL_MAX_WAIT_SECONDS) until there is at least one. */
    readonly returnImmediately: boolean,
    readonly ack: readonly string[],
    readonly setErrs: Readonly<Record<string, SetError>>,
  ) {}
}

/** RFC 8936 §2.4: the SETs by `jti`, and whether more are waiting. */
export interface PollAnswer {
  sets: Record<string, string>;
  moreAvailable: boolean;
}
