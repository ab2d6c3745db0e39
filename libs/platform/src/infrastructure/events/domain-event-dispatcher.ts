import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { type DomainEvent, type DomainEventClass, DomainEvents, type DomainEventSubscriber } from '#libs/building-blocks';

const SubscriberMarker = DiscoveryService.createDecorator<readonly DomainEventClass[]>();

/**
 * Marks a provider, in any module, as a subscriber to the given domain events: it is found at
 * start-up and called in the transaction of the change that raised them. A module (or an
 * extension) reacts to an event by declaring a subscriber; the module raising it is not edited.
 *
 *     @OnDomainEvent(PasswordChanged) @Injectable() class NotifyOwner implements DomainEventSubscriber<PasswordChanged> { … }
 */
export function OnDomainEvent(...types: DomainEventClass[]): ClassDecorator {
  return SubscriberMarker(types);
}

interface Subscription {
  readonly types: readonly DomainEventClass[];
  readonly subscriber: DomainEventSubscriber;
}

/** The DomainEvents port over Nest's DiscoveryService: subscribers in a stable order (by class name), each awaited. */
@Injectable()
export class DomainEventDispatcher extends DomainEvents implements OnModuleInit {
  private subscriptions: readonly Subscription[] = [];

  constructor(private readonly discovery: DiscoveryService) {
    super();
  }

  onModuleInit(): void {
    const found = new Map<DomainEventSubscriber, Subscription>();
    for (const wrapper of this.discovery.getProviders({ metadataKey: SubscriberMarker.KEY })) {
      const subscriber = wrapper.instance as DomainEventSubscriber | undefined;
      if (!subscriber || found.has(subscriber)) continue;
      found.set(subscriber, { types: this.discovery.getMetadataByDecorator(SubscriberMarker, wrapper) ?? [], subscriber });
    }
    this.subscriptions = [...found.values()].sort((a, b) => a.subscriber.constructor.name.localeCompare(b.subscriber.constructor.name));
  }

  async publish(events: readonly DomainEvent[]): Promise<void> {
    for (const event of events) {
      for (const { types, subscriber } of this.subscriptions) {
        if (types.some((type) => event instanceof type)) await subscriber.handle(event);
      }
    }
  }
}
