import type { AggregateRoot } from './aggregate-root.js';
import type { DomainEvent } from './domain-event.js';

/** What reacts to a domain event: an audit row, a mail in the outbox, a session expiry, a Shared Signals event. */
export interface DomainEventSubscriber<E extends DomainEvent = DomainEvent> {
  handle(event: E): Promise<void>;
}

/** A domain event's class, as subscribers name it. */
export type DomainEventClass<E extends DomainEvent = DomainEvent> = abstract new (...args: never[]) => E;

/**
 * Hands domain events to their subscribers, one after the other and awaited, in the caller's
 * transaction: whatever a subscriber writes commits or rolls back with the change that raised
 * the event, and a subscriber's failure fails the change. Call it inside `UnitOfWork.run`.
 */
export abstract class DomainEvents {
  abstract publish(events: readonly DomainEvent[]): Promise<void>;

  /** Publishes, and clears, what the aggregates recorded. */
  publishFrom(...aggregates: AggregateRoot[]): Promise<void> {
    return this.publish(aggregates.flatMap((aggregate) => aggregate.pullEvents()));
  }
}
