import { type DynamicModule, type ForwardReference, Module, type Type } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { type AppConfig, OperationsModule, ProblemDetailsFilter, RateLimitModule, PlatformModule } from '#libs/platform';
import { SessionsModule } from '#libs/sessions';
import { IdentityModule } from '#libs/identity';
import { SharedSignalsModule } from '#libs/shared-signals';

/** What an embedding application adds to the API: modules of its own, loaded beside Latchkey's. */
export interface ApiOptions {
  /**
   * Password rules (`@PasswordRuleExtension()`), domain event subscribers (`@OnDomainEvent(...)`),
   * token kinds (`@TokenKind(...)`), controllers of one's own: see docs/extending.md.
   */
  imports?: Array<Type<unknown> | DynamicModule | ForwardReference>;
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: ApiOptions = {}): DynamicModule {
    return {
      module: AppModule,
      // CqrsModule.forRoot() is global: one command and query bus for every module's handlers.
      imports: [
        PlatformModule.forRoot(config),
        CqrsModule.forRoot(),
        RateLimitModule,
        OperationsModule,
        SessionsModule,
        IdentityModule,
        SharedSignalsModule,
        ...(options.imports ?? []),
      ],
      providers: [ProblemDetailsFilter],
    };
  }
}
