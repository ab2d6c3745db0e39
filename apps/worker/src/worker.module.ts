import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import { type AppConfig, createRedisConnection, SharedKernelModule } from '#libs/shared-kernel';
import { NotificationsModule } from '#libs/notifications';
import { SessionsWorkerModule } from '#libs/sessions';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        SharedKernelModule.forRoot(config),
        BullModule.forRoot({ connection: createRedisConnection(config, 'worker'), prefix: config.redisPrefix }),
        NotificationsModule,
        SessionsWorkerModule,
      ],
    };
  }
}
