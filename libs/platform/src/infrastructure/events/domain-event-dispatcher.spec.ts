import { type INestApplicationContext, Injectable, Module } from '@nestjs/common';
import { DiscoveryModule, NestFactory } from '@nestjs/core';
import { type DomainEvent, DomainEvents, type DomainEventSubscriber } from '#libs/building-blocks';
import { DomainEventDispatcher, OnDomainEvent } from './domain-event-dispatcher.js';

class ThingCreated implements DomainEvent {
  readonly type = 'ThingCreated';
  constructor(readonly occurredAt: Date) {}
}

class ThingRemoved implements DomainEvent {
  readonly type = 'ThingRemoved';
  constructor(readonly occurredAt: Date) {}
}

const heard: string[] = [];

@OnDomainEvent(ThingCreated, ThingRemoved)
@Injectable()
class BSubscriber implements DomainEventSubscriber {
  async handle(event: DomainEvent): Promise<void> {
    await Promise.resolve();
    heard.push(`B:${event.type}`);
  }
}

@OnDomainEvent(ThingCreated)
@Injectable()
class ASubscriber implements DomainEventSubscriber<ThingCreated> {
  async handle(event: ThingCreated): Promise<void> {
    heard.push(`A:${event.type}`);
    if (event.occurredAt.getTime() === 0) throw new Error('refused');
  }
}

@Module({ providers: [BSubscriber] })
class OtherModule {}

@Module({ imports: [DiscoveryModule, OtherModule], providers: [ASubscriber, { provide: DomainEvents, useClass: DomainEventDispatcher }] })
class RootModule {}

describe('DomainEventDispatcher', () => {
  let app: INestApplicationContext;

  async function dispatcher(): Promise<DomainEvents> {
    app = await NestFactory.createApplicationContext(RootModule, { logger: false });
    return app.get(DomainEvents);
  }

  beforeEach(() => heard.splice(0));
  afterEach(() => app.close());

  it('hands each event, in order, to every subscriber of its class (in any module), one after the other in a stable order', async () => {
    const events = await dispatcher();

    await events.publish([new ThingCreated(new Date(1)), new ThingRemoved(new Date(2))]);

    expect(heard).toEqual(['A:ThingCreated', 'B:ThingCreated', 'B:ThingRemoved']);
  });

  it('fails the publish when a subscriber fails, so the transaction around it rolls back', async () => {
    const events = await dispatcher();

    await expect(events.publish([new ThingCreated(new Date(0)), new ThingRemoved(new Date(2))])).rejects.toThrow('refused');
    expect(heard).toEqual(['A:ThingCreated']);
  });
});
