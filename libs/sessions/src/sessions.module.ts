import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { AppConfig } from '#libs/platform';
import { CreateApiTokenHandler } from './application/commands/create-api-token/create-api-token.handler.js';
import { EndSessionHandler } from './application/commands/end-session/end-session.handler.js';
import { RefreshSessionHandler } from './application/commands/refresh-session/refresh-session.handler.js';
import { RevokeApiTokenHandler } from './application/commands/revoke-api-token/revoke-api-token.handler.js';
import { ListApiTokensHandler } from './application/queries/list-api-tokens/list-api-tokens.handler.js';
import { ListSessionsHandler } from './application/queries/list-sessions/list-sessions.handler.js';
import { AccessTokenSigner } from './application/ports/access-token-signer.port.js';
import { CredentialRevocations } from './application/ports/credential-revocations.port.js';
import { RevocationJobs } from './application/ports/revocation-jobs.port.js';
import { TokenSecrets } from './application/ports/token-secrets.port.js';
import { SessionCommands } from './application/services/session-commands.js';
import { SessionTransitions } from './application/services/session-transitions.js';
import { TokenIssuer } from './application/services/token-issuer.js';
import { ApiTokenRepository } from './domain/api-token.repository.js';
import { CredentialVersionRepository } from './domain/credential-version.repository.js';
import { SessionRepository } from './domain/session.repository.js';
import { AccessTokenVerifier } from './infrastructure/auth/access-token.verifier.js';
import { ApiTokenVerifier } from './infrastructure/auth/api-token.verifier.js';
import { TokenCheckMetrics } from './infrastructure/metrics/token-check.metrics.js';
import { CredentialVerifier } from './infrastructure/auth/credential-verifier.js';
import { LastUsedRecorder } from './infrastructure/auth/last-used-recorder.js';
import { CacheWriteThrough } from './infrastructure/cache/cache-write-through.js';
import { CredentialCache } from './infrastructure/cache/credential-cache.js';
import { CacheTrust } from './infrastructure/cache/cache-trust.js';
import { ApiTokenSchema } from './infrastructure/persistence/api-token.schema.js';
import { MikroOrmApiTokenRepository } from './infrastructure/persistence/mikro-orm-api-token.repository.js';
import { MikroOrmCredentialVersionRepository } from './infrastructure/persistence/mikro-orm-credential-version.repository.js';
import { MikroOrmSessionRepository } from './infrastructure/persistence/mikro-orm-session.repository.js';
import { OutboxRevocationJobs } from './infrastructure/queue/outbox-revocation.jobs.js';
import { RefreshTokenSchema, SessionSchema } from './infrastructure/persistence/session.schema.js';
import { AccessTokens } from './infrastructure/tokens/access-tokens.js';
import { OpaqueTokens } from './infrastructure/tokens/opaque-tokens.js';
import { AuthGuard } from './interface/http/auth.guard.js';
import { AuthTokensController } from './interface/http/auth-tokens.controller.js';
import { IntrospectionController } from './interface/http/introspection.controller.js';
import { MyApiTokensController } from './interface/http/my-api-tokens.controller.js';
import { MySessionsController } from './interface/http/my-sessions.controller.js';
import { ServiceKeyGuard } from './interface/http/service-key.guard.js';

export const SESSIONS_SCHEMAS = [SessionSchema, RefreshTokenSchema, ApiTokenSchema];

/**
 * The API side of sessions. A module that guards its routes with `@UseGuards(AuthGuard)` or calls
 * `SessionCommands` imports it (the guard's dependencies come with it). The command and query buses
 * come from `CqrsModule.forRoot()`, imported once by the API's root module.
 */
@Module({
  imports: [
    DiscoveryModule,
    MikroOrmModule.forFeature(SESSIONS_SCHEMAS),
    JwtModule.registerAsync({
      inject: [AppConfig],
      // A KeyObject secret: jsonwebtoken would otherwise try to parse a string secret as a key on every call.
      useFactory: (config: AppConfig) => ({ secret: createSecretKey(Buffer.from(config.JWT_SECRET)) }),
    }),
  ],
  controllers: [AuthTokensController, MySessionsController, MyApiTokensController, IntrospectionController],
  providers: [
    SessionCommands,
    SessionTransitions,
    TokenIssuer,
    AccessTokens,
    { provide: AccessTokenSigner, useExisting: AccessTokens },
    OpaqueTokens,
    { provide: TokenSecrets, useExisting: OpaqueTokens },
    CacheTrust,
    CredentialCache,
    // The MikroORM subscriber that publishes revocations when the transaction commits.
    { provide: CredentialRevocations, useClass: CacheWriteThrough },
    // The token kinds, found by their @TokenKind prefix; a module adds one by declaring its own.
    AccessTokenVerifier,
    ApiTokenVerifier,
    CredentialVerifier,
    LastUsedRecorder,
    TokenCheckMetrics,
    { provide: SessionRepository, useClass: MikroOrmSessionRepository },
    { provide: ApiTokenRepository, useClass: MikroOrmApiTokenRepository },
    { provide: CredentialVersionRepository, useClass: MikroOrmCredentialVersionRepository },
    { provide: RevocationJobs, useClass: OutboxRevocationJobs },
    AuthGuard,
    ServiceKeyGuard,
    RefreshSessionHandler,
    EndSessionHandler,
    CreateApiTokenHandler,
    RevokeApiTokenHandler,
    ListSessionsHandler,
    ListApiTokensHandler,
  ],
  exports: [SessionCommands, AuthGuard, CredentialVerifier],
})
export class SessionsModule {}
