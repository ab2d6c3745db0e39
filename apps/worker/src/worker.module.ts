import { BullModule, WorkerHost } from '@nestjs/bullmq';
import { type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import { type AppConfig, createRedisConnection, type RedisConnection, PlatformModule } from '#libs/platform';
import { NotificationsModule } from '#libs/notifications';
import { SessionsWorkerModule } from '#libs/sessions';

const WORKER_CONNECTION = Symbol('WORKER_CONNECTION');

@Module({})
export class WorkerModule implements OnApplicationShutdown {
  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(WORKER_CONNECTION) private readonly connection: RedisConnection,
  ) {}

  static forRoot(config: AppConfig): DynamicModule {
    const connection = createRedisConnection(config, 'worker');
    return {
      module: WorkerModule,
      imports: [
        DiscoveryModule,
        PlatformModule.forRoot(config),
        BullModule.forRoot({ connection, prefix: config.redisPrefix }),
        NotificationsModule.forRoot(),
        SessionsWorkerModule,
      ],
      providers: [{ provide: WORKER_CONNECTION, useValue: connection }],
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
