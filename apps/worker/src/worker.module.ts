import { BullModule, WorkerHost } from '@nestjs/bullmq';
import { type DynamicModule, type ForwardReference, Inject, Logger, Module, type OnApplicationShutdown, type Type } from '@nestjs/common';
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
import { closeWithin } from './close-within.js';
import { QueueMetrics } from './queue-metrics.js';

const WORKER_CONNECTION = Symbol('WORKER_CONNECTION');
/** How long each queue's worker may take to finish its jobs and close, within SHUTDOWN_TIMEOUT_SECONDS (20 by default). */
const WORKER_CLOSE_MS = 10_000;

/** What an embedding application adds to the worker. */
export interface WorkerOptions {
  /** Modules of one's own, loaded beside Latchkey's (domain event subscribers, say). */
  imports?: Array<Type<unknown> | DynamicModule | ForwardReference>;
  /** A mail transport of one's own instead of SMTP or `.eml` files (see NotificationsModule.forRoot). */
  mailTransport?: NotificationsOptions['transport'];
}

@Module({})
export class WorkerModule implements OnApplicationShutdown {
  private readonly logger = new Logger('Worker');

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
   * worker has finished its jobs with it (or has had WORKER_CLOSE_MS to): Nest shuts this root module
   * down before the others.
   */
  async onApplicationShutdown(): Promise<void> {
    const hosts = this.discovery.getProviders().flatMap(({ instance }) => (instance instanceof WorkerHost ? [instance] : []));
    const closed = await Promise.all(hosts.map((host) => closeWithin(host.worker, WORKER_CLOSE_MS)));
    hosts.forEach((host, index) => {
      if (!closed[index])
        this.logger.warn(
          `The ${host.worker.name} queue's worker did not close within ${WORKER_CLOSE_MS / 1000} s (a job still running, or its blocking Redis connection never ending); shutting down without it — a job it had in hand runs again later`,
        );
    });
    this.connection.disconnect();
  }
}
