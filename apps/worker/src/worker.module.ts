import { BullModule, WorkerHost } from '@nestjs/bullmq';
import { type DynamicModule, type ForwardReference, Inject, Module, type OnApplicationShutdown, type Type } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import {
  type AppConfig,
  createRedisConnection,
  OperationsModule,
  PlatformModule,
  ProblemDetailsFilter,
  type RedisConnection,
} from '#libs/platform';
import { NotificationsModule, type NotificationsOptions } from '#libs/notifications';
import { SessionsWorkerModule } from '#libs/sessions';
import { SharedSignalsWorkerModule } from '#libs/shared-signals';
import { QueueMetrics } from './queue-metrics.js';

const WORKER_CONNECTION = Symbol('WORKER_CONNECTION');

/** What an embedding application adds to the worker. */
export interface WorkerOptions {
  /** Modules of one's own, loaded beside Latchkey's (domain event subscribers, say). */
  imports?: Array<Type<unknown> | DynamicModule | ForwardReference>;
  /** A mail transport of one's own instead of SMTP or `.eml` files (see NotificationsModule.forRoot). */
  mailTransport?: NotificationsOptions['transport'];
}

@Module({})
export class WorkerModule implements OnApplicationShutdown {
  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(WORKER_CONNECTION) private readonly connection: RedisConnection,
  ) {}

  static forRoot(config: AppConfig, options: WorkerOptions = {}): DynamicModule {
    const connection = createRedisConnection(config, 'worker');
    return {
      module: WorkerModule,
      imports: [
        DiscoveryModule,
        PlatformModule.forRoot(config),
        // GET /health and GET /metrics on WORKER_PORT (docs/operations.md).
        OperationsModule,
        BullModule.forRoot({ connection, prefix: config.redisPrefix }),
        NotificationsModule.forRoot({ transport: options.mailTransport }),
        SessionsWorkerModule,
        SharedSignalsWorkerModule,
        ...(options.imports ?? []),
      ],
      providers: [{ provide: WORKER_CONNECTION, useValue: connection }, ProblemDetailsFilter, QueueMetrics],
    };
  }

  /**
   * BullMQ never closes a connection it was given, so it is closed here — but only once every
   * worker has finished its jobs with it: Nest shuts this root module down before the others.
   */
  async onApplicationShutdown(): Promise<void> {
    const hosts = this.discovery.getProviders().flatMap(({ instance }) => (instance instanceof WorkerHost ? [instance] : []));
    await Promise.all(hosts.map((host) => host.worker.close().catch(() => undefined)));
    this.connection.disconnect();
  }
}
