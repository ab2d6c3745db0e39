import { type DynamicModule, Module } from '@nestjs/common';
import { type AppConfig, OperationsModule, ProblemDetailsFilter, RateLimitModule, PlatformModule } from '#libs/platform';
import { SessionsModule } from '#libs/sessions';
import { IdentityModule } from '#libs/identity';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot(config), RateLimitModule, OperationsModule, SessionsModule, IdentityModule],
      providers: [ProblemDetailsFilter],
    };
  }
}
