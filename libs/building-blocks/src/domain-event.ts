/** Something that happened in the domain, recorded by an aggregate and published in its transaction. */
export interface DomainEvent {
  /** Stable name, e.g. `AccountLocked`. */
  readonly type: string;
  readonly occurredAt: Date;
}
