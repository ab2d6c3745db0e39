import { Injectable } from '@nestjs/common';
import { AppConfig } from '#libs/platform';
import { mayAccess } from '../../../domain/stream-caller.js';
import { StreamNotFoundError } from '../../../domain/shared-signals.errors.js';
import { EventLog } from '../../ports/event-log.port.js';
import { StreamDirectory } from '../../ports/stream-directory.port.js';
import { type PollAnswer, PollEventsCommand } from './poll-events.command.js';
import { PendingSets } from './pending-sets.js';

/**
 * RFC 8936 poll: acknowledgements and errors settle their SETs first; then the oldest pending SETs,
 * in order, signed (same `jti` each time: a SET not acknowledged is served again on the next poll).
 * A paused stream answers none (its events are held). Another organization's stream is "not found".
 */
@Injectable()
export class PollEventsHandler {
  constructor(
    private readonly config: AppConfig,
    private readonly directory: StreamDirectory,
    private readonly log: EventLog,
    private readonly pending: PendingSets,
  ) {}

  async execute({ caller, streamId, maxEvents, returnImmediately, ack, setErrs }: PollEventsCommand): Promise<PollAnswer> {
    const target = await this.directory.find(streamId);
    if (!target || target.delivery.method !== 'poll' || !mayAccess(caller, target.organizationId)) throw new StreamNotFoundError();
    await this.log.settle(streamId, ack, setErrs);
    if (maxEvents === 0 || target.status !== 'enabled') return { sets: {}, moreAvailable: false };
    return this.pending.next(target, maxEvents, returnImmediately ? 0 : this.config.SSF_POLL_MAX_WAIT_SECONDS * 1000);
  }
}
