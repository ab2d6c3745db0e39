import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { type AppConfig, OperationsModule, ProblemDetailsFilter, RateLimitModule, PlatformModule } from '#libs/platform';
import { SessionsModule } from '#libs/sessions';
import { IdentityModule } from '#libs/identity';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      // CqrsModule.forRoot() is global: one command and query bus for every module's handlers.
      imports: [PlatformModule.forRoot(config), CqrsModule.forRoot(), RateLimitModule, OperationsModule, SessionsModule, IdentityModule],
      providers: [ProblemDetailsFilter],
    };
  }
}
