import { type DynamicModule, Module } from '@nestjs/common';
import { type AppConfig, OperationsModule, ProblemDetailsFilter, RateLimitModule, SharedKernelModule } from '#libs/shared-kernel';
import { SessionsModule } from '#libs/sessions';
import { IdentityModule } from '#libs/identity';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [SharedKernelModule.forRoot(config), RateLimitModule, OperationsModule, SessionsModule, IdentityModule],
      providers: [ProblemDetailsFilter],
    };
  }
}
