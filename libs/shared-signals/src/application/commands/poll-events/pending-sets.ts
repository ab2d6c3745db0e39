import { Injectable } from '@nestjs/common';
import { Clock } from '#libs/building-blocks';
import { EventLog } from '../../ports/event-log.port.js';
import { PollWakeups } from '../../ports/set-pusher.port.js';
import { SetSigner } from '../../ports/set-signer.port.js';
import type { StreamTarget } from '../../ports/stream-directory.port.js';
import { TransmitterSettings } from '../../ports/transmitter-settings.port.js';
import { signedClaims } from '../signed-claims.js';
import type { PollAnswer } from './poll-events.command.js';

/** The oldest pending SETs of a poll stream, signed, waiting up to `waitMs` for the first one (long poll). */
@Injectable()
export class PendingSets {
  constructor(
    private readonly clock: Clock,
    private readonly log: EventLog,
    private readonly signer: SetSigner,
    private readonly wakeups: PollWakeups,
    private readonly settings: TransmitterSettings,
  ) {}

  async next(target: StreamTarget, maxEvents: number, waitMs: number): Promise<PollAnswer> {
    const deadline = this.clock.now().getTime() + waitMs;
    let events = await this.log.pending(target.streamId, maxEvents + 1);
    while (events.length === 0 && this.clock.now().getTime() < deadline) {
      await this.wakeups.wait(target.streamId, deadline - this.clock.now().getTime());
      events = await this.log.pending(target.streamId, maxEvents + 1);
    }
    const sets: Record<string, string> = {};
    for (const event of events.slice(0, maxEvents))
      sets[event.jti] = await this.signer.sign(signedClaims(this.settings.issuer, target, event));
    return { sets, moreAvailable: events.length > maxEvents };
  }
}
