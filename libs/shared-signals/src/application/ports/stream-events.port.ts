/** An event for one stream, before it is signed: what the SET's `events` claim and subject say. */
export interface StreamEventInput {
  /** The event type URI, e.g. `https://schemas.openid.net/secevent/caep/event-type/session-revoked`. */
  readonly eventType: string;
  /** The event's members (under `events[eventType]`), without `subject`. */
  readonly payload: Record<string, unknown>;
  /** RFC 9493 subject identifier; null for stream-level events (verification, stream-updated). */
  readonly subject: Record<string, unknown> | null;
  /** Links the events of one action (the SET's `txn` claim). */
  readonly txn?: string;
  readonly occurredAt: Date;
}

/** The per-stream event log (an outbox): appended to in the caller's transaction, delivered in order per stream. */
export abstract class StreamEvents {
  abstract append(streamId: string, event: StreamEventInput): Promise<void>;
}
