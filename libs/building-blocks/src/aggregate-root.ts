import type { DomainEvent } from './domain-event.js';

/** Records what happened; the repository drains the events into the outbox in the same transaction. */
export abstract class AggregateRoot {
  // Lazily created: an ORM may hydrate an aggregate without running its constructor.
  private pendingEvents?: DomainEvent[];

  protected record(event: DomainEvent): void {
    (this.pendingEvents ??= []).push(event);
  }

  pullEvents(): DomainEvent[] {
    const events = this.pendingEvents ?? [];
    this.pendingEvents = [];
    return events;
  }
}
