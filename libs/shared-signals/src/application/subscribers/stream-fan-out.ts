import { Injectable } from '@nestjs/common';
import { ActionTxn } from '../ports/action-txn.port.js';
import { StreamDirectory } from '../ports/stream-directory.port.js';
import { StreamEvents } from '../ports/stream-events.port.js';

/** One event of an account, before the streams that receive it are known. */
export interface AccountEvent {
  readonly organizationId: string;
  readonly accountId: string;
  readonly eventType: string;
  readonly occurredAt: Date;
  /** One entry per SET: its subject and members (a session-revoked per session). */
  readonly sets: ReadonlyArray<{ readonly subject: Record<string, unknown>; readonly payload: Record<string, unknown> }>;
}

/**
 * Appends an account's events to the log of every stream that must receive them, in the caller's
 * transaction, all under the action's `txn`. One directory look-up per event type, however many SETs.
 */
@Injectable()
export class StreamFanOut {
  constructor(
    private readonly directory: StreamDirectory,
    private readonly events: StreamEvents,
    private readonly txn: ActionTxn,
  ) {}

  async append(event: AccountEvent): Promise<void> {
    const targets = await this.directory.targetsFor(event.organizationId, event.accountId, event.eventType);
    if (targets.length === 0) return;
    const txn = this.txn.current();
    for (const target of targets) {
      for (const set of event.sets) {
        await this.events.append(target.streamId, { eventType: event.eventType, ...set, txn, occurredAt: event.occurredAt });
      }
    }
  }
}
