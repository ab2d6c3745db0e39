import type { DomainEvent } from './domain-event.js';

/** Records what happened; the command handler publishes the events (DomainEvents.publishFrom) before its transaction commits. */
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
