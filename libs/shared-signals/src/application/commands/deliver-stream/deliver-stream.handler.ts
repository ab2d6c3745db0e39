import { Injectable } from '@nestjs/common';
import { EventLog } from '../../ports/event-log.port.js';
import { DeliverStreamCommand } from './deliver-stream.command.js';
import { StreamPush } from './stream-push.js';

/**
 * Runs push passes over a stream under its lease, so that one process at a time delivers it and
 * other streams go on in parallel. A nudge that finds the lease taken asks its holder for one more
 * pass, so an event committed while a pass ends is never left to wait for the sweeper.
 */
@Injectable()
export class DeliverStreamHandler {
  constructor(
    private readonly log: EventLog,
    private readonly push: StreamPush,
  ) {}

  async execute({ streamId }: DeliverStreamCommand): Promise<void> {
    if (!(await this.log.lease(streamId))) return;
    let done = false;
    try {
      do await this.push.pass(streamId);
      while (!(done = await this.log.release(streamId)));
    } finally {
      // A pass that threw (the database or the signer away): the lease lapses and the sweeper retries.
      // (A second call: the first may only clear a pending request for another pass.)
      if (!done)
        await this.log
          .release(streamId)
          .then((released) => released || this.log.release(streamId))
          .catch(() => undefined);
    }
  }
}
