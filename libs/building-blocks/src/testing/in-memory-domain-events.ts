import type { DomainEvent } from '../domain-event.js';
import { type DomainEventClass, DomainEvents, type DomainEventSubscriber } from '../domain-events.port.js';

/**
 * For handler specs: keeps every published event, in order, and hands each to the subscribers
 * a spec chose (none by default), as the platform's dispatcher does.
 */
export class InMemoryDomainEvents extends DomainEvents {
  readonly published: DomainEvent[] = [];
  private readonly subscribers: Array<{ on: readonly DomainEventClass[]; subscriber: DomainEventSubscriber }> = [];

  subscribe<E extends DomainEvent>(on: readonly DomainEventClass<E>[], subscriber: DomainEventSubscriber<E>): this {
    this.subscribers.push({ on, subscriber: subscriber as DomainEventSubscriber });
    return this;
  }

  async publish(events: readonly DomainEvent[]): Promise<void> {
    for (const event of events) {
      this.published.push(event);
      for (const { on, subscriber } of this.subscribers) if (on.some((type) => event instanceof type)) await subscriber.handle(event);
    }
  }

  /** The types published so far, in order. */
  types(): string[] {
    return this.published.map((event) => event.type);
  }
}
