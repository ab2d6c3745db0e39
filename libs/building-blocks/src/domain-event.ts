export interface DomainEvent {
  /** Stable name, e.g. `AccountLocked`: it is what the outbox routes on. */
  readonly type: string;
  readonly occurredAt: Date;
}
