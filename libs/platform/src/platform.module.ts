import { type DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { LoggerModule } from 'nestjs-pino';
import { Clock, DomainEvents, SystemClock, UnitOfWork } from '#libs/building-blocks';
import { DomainEventDispatcher } from './infrastructure/events/domain-event-dispatcher.js';
import { InvalidationChannel } from './infrastructure/cache/invalidation-channel.js';
import { AppConfig } from './infrastructure/config/app-config.js';
import { loggerOptions } from './infrastructure/logging/logger-options.js';
import { Outbox } from './infrastructure/outbox/outbox.js';
import { OutboxMessageSchema } from './infrastructure/outbox/outbox-message.entity.js';
import { OutboxRelay } from './infrastructure/outbox/outbox-relay.js';
import { OutboxSecrets } from './infrastructure/outbox/outbox-secrets.js';
import { databaseOptions } from './infrastructure/persistence/database-options.js';
import { AfterCommit } from './infrastructure/persistence/after-commit.js';
import { MikroOrmUnitOfWork } from './infrastructure/persistence/mikro-orm-unit-of-work.js';
import { LazyRequestContext } from './infrastructure/persistence/lazy-request-context.js';
import { QueueRegistry } from './infrastructure/queue/queue-registry.js';
import { CommittedIncrements } from './infrastructure/metrics/committed-increments.js';
import { MetricsRegistry } from './infrastructure/metrics/metrics-registry.js';
import { PlatformMetrics } from './infrastructure/metrics/platform-metrics.js';
import { RedisClient } from './infrastructure/redis/redis-client.js';
import { HealthDetails } from './infrastructure/health/health-details.js';
import { RequestScope } from './interface/http/request-scope.js';

// Registered once, at import: @mikro-orm/nestjs clears its entity list when an application closes
// and again at the next forFeature() call, so a per-forRoot call would forget the other modules'
// entities when a process (a test, say) creates a second application after closing the first.
const OUTBOX_ENTITIES = MikroOrmModule.forFeature([OutboxMessageSchema]);

/** Configuration, database and transactions, domain events, Redis, outbox and logging: what every module and both apps share. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        LoggerModule.forRoot(loggerOptions(config)),
        MikroOrmModule.forRoot({ ...databaseOptions(config), autoLoadEntities: true, registerRequestContext: false }),
        OUTBOX_ENTITIES,
        DiscoveryModule,
      ],
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: Clock, useClass: SystemClock },
        { provide: UnitOfWork, useClass: MikroOrmUnitOfWork },
        AfterCommit,
        { provide: DomainEvents, useClass: DomainEventDispatcher },
        RedisClient,
        InvalidationChannel,
        QueueRegistry,
        Outbox,
        OutboxRelay,
        OutboxSecrets,
        MetricsRegistry,
        CommittedIncrements,
        PlatformMetrics,
        HealthDetails,
        LazyRequestContext,
        RequestScope,
      ],
      exports: [
        AppConfig,
        Clock,
        UnitOfWork,
        AfterCommit,
        DomainEvents,
        RedisClient,
        InvalidationChannel,
        QueueRegistry,
        Outbox,
        OutboxRelay,
        OutboxSecrets,
        MetricsRegistry,
        CommittedIncrements,
        HealthDetails,
      ],
    };
  }
}
