/** An appended SET not yet delivered or acknowledged. */
export interface LoggedEvent {
  readonly seq: string;
  readonly jti: string;
  /** Everything but `iss` and `aud`, the same on every delivery. */
  readonly claims: Record<string, unknown>;
  readonly attempts: number;
  readonly createdAt: Date;
  readonly nextAttemptAt: Date;
}

/** A receiver's answer to one SET (RFC 8936 `setErrs`, or an RFC 8935 error answer). */
export interface SetError {
  readonly err: string;
  readonly description?: string;
}

/**
 * The delivery side of the per-stream event log (StreamEvents appends to it). A stream's events are
 * delivered in `seq` order by one process at a time: the holder of the stream's lease.
 */
export abstract class EventLog {
  /** Takes the stream's delivery lease; false when another process holds it (that one is asked to go once more). */
  abstract lease(streamId: string): Promise<boolean>;
  /** Gives the lease back; false, keeping it, when a pass was asked for meanwhile. */
  abstract release(streamId: string): Promise<boolean>;
  /** The oldest pending event of the stream (its head), renewing the lease. */
  abstract head(streamId: string): Promise<LoggedEvent | null>;
  abstract delivered(seq: string): Promise<void>;
  /** Given up: the receiver refused it (RFC 8935 400) or it waited too long. */
  abstract failed(seq: string, error: string): Promise<void>;
  abstract retryAt(seq: string, error: string, at: Date): Promise<void>;
  /** Leaves the stream out of `dueStreams` for `ms` (paused, or a poll stream); an append still starts a pass. */
  abstract park(streamId: string, ms: number): Promise<void>;
  /** Streams with a pending event due now and not parked (for the sweeper), at most `limit`. */
  abstract dueStreams(limit: number): Promise<string[]>;
  /** Marks every pending event of a stream failed (a disabled or deleted stream does not hold events). */
  abstract dropPending(streamId: string, reason: string): Promise<void>;
  /** Poll: the oldest pending events, at most `limit`. */
  abstract pending(streamId: string, limit: number): Promise<LoggedEvent[]>;
  /** Poll: `ack`ed SETs are done; `setErrs` are recorded as failed. Only this stream's events change. */
  abstract settle(streamId: string, acknowledged: readonly string[], errors: Readonly<Record<string, SetError>>): Promise<void>;
  /** Deletes delivered, acknowledged and failed events finished more than `hours` ago. */
  abstract prune(hours: number): Promise<void>;
}
