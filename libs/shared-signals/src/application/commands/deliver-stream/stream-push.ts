import { Injectable } from '@nestjs/common';
import { Clock } from '#libs/building-blocks';
import { AppConfig } from '#libs/platform';
import { EventLog, type LoggedEvent } from '../../ports/event-log.port.js';
import { SetPusher } from '../../ports/set-pusher.port.js';
import { SetSigner } from '../../ports/set-signer.port.js';
import { StreamDirectory, type StreamTarget } from '../../ports/stream-directory.port.js';
import { TransmitterSettings } from '../../ports/transmitter-settings.port.js';
import { signedClaims } from '../signed-claims.js';

const STREAM_REREAD_MS = 1_000;
/** How soon the sweeper looks again at a paused stream (so it resumes within this), and at a poll stream. */
const PAUSED_RECHECK_MS = 2_000;
const POLL_PARK_MS = 3_600_000;

/**
 * One pass over a stream whose lease this process holds: the head is pushed, and the next only once
 * the head is delivered or given up, so a receiver sees a stream's SETs in order. A head that fails
 * waits (exponential backoff, capped) and the pass ends; the sweeper comes back when it is due.
 */
@Injectable()
export class StreamPush {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly directory: StreamDirectory,
    private readonly log: EventLog,
    private readonly signer: SetSigner,
    private readonly pusher: SetPusher,
    private readonly settings: TransmitterSettings,
  ) {}

  async pass(streamId: string): Promise<void> {
    let target: StreamTarget | null = null;
    let readAt = 0;
    for (;;) {
      // The stream is read again at least once a second, so a pause or a new endpoint applies within a second.
      if (this.clock.now().getTime() - readAt >= STREAM_REREAD_MS)
        [target, readAt] = [await this.directory.find(streamId), this.clock.now().getTime()];
      if (!target || target.status === 'disabled') return this.log.dropPending(streamId, target ? 'stream disabled' : 'stream deleted');
      // Paused: events are held, and delivered once it is enabled again. Poll streams are served on request.
      if (target.status === 'paused') return this.log.park(streamId, PAUSED_RECHECK_MS);
      if (target.delivery.method !== 'push') return this.log.park(streamId, POLL_PARK_MS);
      const head = await this.log.head(streamId);
      if (!head || head.nextAttemptAt > this.clock.now()) return;
      if (!(await this.pushHead(target, head))) return;
    }
  }

  /** True when the stream may go on to its next event. */
  private async pushHead(target: StreamTarget, head: LoggedEvent): Promise<boolean> {
    if (target.delivery.method !== 'push') return false;
    const set = await this.signer.sign(signedClaims(this.settings.issuer, target, head));
    const outcome = await this.pusher.push(target.delivery.endpointUrl, target.delivery.authorizationHeader, set);
    if (outcome.kind === 'delivered') await this.log.delivered(head.seq);
    else if (outcome.kind === 'rejected') await this.log.failed(head.seq, outcome.error);
    else if (this.clock.now().getTime() - head.createdAt.getTime() > this.config.SSF_EVENT_MAX_AGE_HOURS * 3_600_000) {
      await this.log.failed(head.seq, `given up after ${head.attempts + 1} attempts: ${outcome.error}`);
    } else {
      await this.log.retryAt(head.seq, outcome.error, this.nextAttempt(head.attempts));
      return false;
    }
    return true;
  }

  /** 1×, 2×, 4×… the base delay, at most SSF_RETRY_MAX_DELAY_SECONDS. */
  private nextAttempt(attempts: number): Date {
    const delayMs = Math.min(this.config.SSF_RETRY_BASE_MS * 2 ** attempts, this.config.SSF_RETRY_MAX_DELAY_SECONDS * 1000);
    return new Date(this.clock.now().getTime() + delayMs);
  }
}
