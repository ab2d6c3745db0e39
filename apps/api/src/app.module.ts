import { type DynamicModule, Module } from '@nestjs/common';
import { type AppConfig, OperationsModule, ProblemDetailsFilter, RateLimitModule, SharedKernelModule } from '#libs/shared-kernel';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [SharedKernelModule.forRoot(config), RateLimitModule, OperationsModule],
      providers: [ProblemDetailsFilter],
    };
  }
}
