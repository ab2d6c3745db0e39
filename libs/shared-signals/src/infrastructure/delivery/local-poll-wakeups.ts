import { Injectable } from '@nestjs/common';
import { PollWakeups } from '../../application/ports/set-pusher.port.js';
import { DeliveryNudges } from './delivery-nudges.js';

/** Re-reads an event committed through another instance at least this often. */
const RECHECK_MS = 250;

/**
 * A long poll wakes at once for an event committed on this instance, and re-reads PostgreSQL every
 * 250 ms for one committed elsewhere (behind a load balancer, the poll and the change rarely meet).
 */
@Injectable()
export class LocalPollWakeups extends PollWakeups {
  constructor(private readonly nudges: DeliveryNudges) {
    super();
  }

  wait(streamId: string, ms: number): Promise<void> {
    return this.nudges.next(streamId, Math.min(ms, RECHECK_MS));
  }
}
