import { Clock } from '#libs/building-blocks';
import { ActionTxn } from '../../application/ports/action-txn.port.js';
import { EventLog, type LoggedEvent, type SetError } from '../../application/ports/event-log.port.js';
import { type PushOutcome, SetPusher } from '../../application/ports/set-pusher.port.js';
import { SetSigner } from '../../application/ports/set-signer.port.js';
import { StreamDirectory, type StreamTarget } from '../../application/ports/stream-directory.port.js';

type State = 'pending' | 'delivered' | 'acknowledged' | 'failed';
export interface InMemoryLoggedEvent extends LoggedEvent {
  streamId: string;
  state: State;
  lastError: string | null;
}

/** The event log in an array; the lease in a map (one holder: this process). */
export class InMemoryEventLog extends EventLog {
  readonly events: InMemoryLoggedEvent[] = [];
  readonly leases = new Map<string, { rerun: boolean }>();

  constructor(private readonly clock: Clock) {
    super();
  }

  add(streamId: string, jti: string, claims: Record<string, unknown> = {}): void {
    const now = this.clock.now();
    const seq = String(this.events.length + 1);
    this.events.push({
      seq,
      streamId,
      jti,
      claims: { jti, ...claims },
      attempts: 0,
      createdAt: now,
      nextAttemptAt: now,
      state: 'pending',
      lastError: null,
    });
  }

  private bySeq(seq: string): InMemoryLoggedEvent {
    return this.events.find((event) => event.seq === seq)!;
  }

  private pendingOf(streamId: string): InMemoryLoggedEvent[] {
    return this.events.filter((event) => event.streamId === streamId && event.state === 'pending');
  }

  async lease(streamId: string): Promise<boolean> {
    const held = this.leases.get(streamId);
    if (held) held.rerun = true;
    else this.leases.set(streamId, { rerun: false });
    return !held;
  }

  async release(streamId: string): Promise<boolean> {
    const held = this.leases.get(streamId);
    if (held?.rerun) {
      held.rerun = false;
      return false;
    }
    this.leases.delete(streamId);
    return true;
  }

  async head(streamId: string): Promise<LoggedEvent | null> {
    return this.pendingOf(streamId)[0] ?? null;
  }

  async delivered(seq: string): Promise<void> {
    Object.assign(this.bySeq(seq), { state: 'delivered', attempts: this.bySeq(seq).attempts + 1 });
  }

  async failed(seq: string, error: string): Promise<void> {
    Object.assign(this.bySeq(seq), { state: 'failed', attempts: this.bySeq(seq).attempts + 1, lastError: error });
  }

  async retryAt(seq: string, error: string, at: Date): Promise<void> {
    Object.assign(this.bySeq(seq), { attempts: this.bySeq(seq).attempts + 1, lastError: error, nextAttemptAt: at });
  }

  readonly parked = new Map<string, number>();

  async park(streamId: string, ms: number): Promise<void> {
    this.parked.set(streamId, ms);
  }

  async dueStreams(limit: number): Promise<string[]> {
    const now = this.clock.now();
    const due = this.events.filter((event) => event.state === 'pending' && event.nextAttemptAt <= now).map((event) => event.streamId);
    return [...new Set(due)].slice(0, limit);
  }

  async dropPending(streamId: string, reason: string): Promise<void> {
    for (const event of this.pendingOf(streamId)) Object.assign(event, { state: 'failed', lastError: reason });
  }

  async pending(streamId: string, limit: number): Promise<LoggedEvent[]> {
    return this.pendingOf(streamId).slice(0, limit);
  }

  async settle(streamId: string, acknowledged: readonly string[], errors: Readonly<Record<string, SetError>>): Promise<void> {
    for (const event of this.pendingOf(streamId)) {
      if (acknowledged.includes(event.jti)) event.state = 'acknowledged';
      else if (errors[event.jti]) Object.assign(event, { state: 'failed', lastError: errors[event.jti].err });
    }
  }

  async prune(): Promise<void> {
    // Nothing to reclaim in memory.
  }
}

/** Streams given by the spec; `targetsFor` matches by organization, status and event type. */
export class InMemoryStreamDirectory extends StreamDirectory {
  constructor(readonly streams: StreamTarget[] = []) {
    super();
  }

  async targetsFor(organizationId: string, _accountId: string | null, eventType: string): Promise<StreamTarget[]> {
    return this.streams.filter(
      (s) => s.organizationId === organizationId && s.status !== 'disabled' && s.eventsDelivered.includes(eventType),
    );
  }

  async find(streamId: string): Promise<StreamTarget | null> {
    return this.streams.find((s) => s.streamId === streamId) ?? null;
  }
}

/** "Signs" by writing the claims as JSON, so specs can read what would be signed. */
export class ReadableSetSigner extends SetSigner {
  async sign(claims: Record<string, unknown>): Promise<string> {
    return JSON.stringify(claims);
  }
}

/** Answers each push as `answer` says (delivered by default) and keeps what it was given. */
export class RecordingSetPusher extends SetPusher {
  readonly pushed: Array<{ endpointUrl: string; authorizationHeader: string | null; claims: Record<string, unknown> }> = [];
  answer: (claims: Record<string, unknown>) => PushOutcome = () => ({ kind: 'delivered' });

  async push(endpointUrl: string, authorizationHeader: string | null, set: string): Promise<PushOutcome> {
    const claims = JSON.parse(set) as Record<string, unknown>;
    this.pushed.push({ endpointUrl, authorizationHeader, claims });
    return this.answer(claims);
  }
}

/** One txn per `next()` call: a spec's "action". */
export class SequentialTxn extends ActionTxn {
  private n = 1;

  current(): string {
    return `txn-${this.n}`;
  }

  next(): void {
    this.n += 1;
  }
}
