import { Module, type Provider } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { EVENT_CONTROLLERS, EVENT_PROVIDERS, EVENT_SCHEMAS } from './shared-signals-events.js';
import { AppConfig } from '#libs/platform';
import { ChangeStreamStatusHandler } from './application/commands/change-stream-status/change-stream-status.handler.js';
import { ChangeSubjectsHandler } from './application/commands/change-subjects/change-subjects.handler.js';
import { CreateStreamCredentialHandler } from './application/commands/create-stream-credential/create-stream-credential.handler.js';
import { CreateStreamHandler } from './application/commands/create-stream/create-stream.handler.js';
import { DeleteStreamHandler } from './application/commands/delete-stream/delete-stream.handler.js';
import { RevokeStreamCredentialHandler } from './application/commands/revoke-stream-credential/revoke-stream-credential.handler.js';
import { RotateSigningKeyHandler } from './application/commands/rotate-signing-key/rotate-signing-key.handler.js';
import { UpdateStreamHandler } from './application/commands/update-stream/update-stream.handler.js';
import { VerifyStreamHandler } from './application/commands/verify-stream/verify-stream.handler.js';
import { OrganizationDirectory } from './application/ports/organization-directory.port.js';
import { SetSigner } from './application/ports/set-signer.port.js';
import { SigningKeys } from './application/ports/signing-keys.port.js';
import { StreamCredentialSecrets } from './application/ports/stream-credential-secrets.port.js';
import { StreamDirectory } from './application/ports/stream-directory.port.js';
import { TransmitterSettings } from './application/ports/transmitter-settings.port.js';
import { GetJwksHandler, ListSigningKeysHandler } from './application/queries/get-signing-keys/get-signing-keys.handler.js';
import { GetStreamStatusHandler } from './application/queries/get-stream-status/get-stream-status.handler.js';
import { GetStreamsHandler } from './application/queries/get-streams/get-streams.handler.js';
import { ListStreamCredentialsHandler } from './application/queries/list-stream-credentials/list-stream-credentials.handler.js';
import { StreamAccess } from './application/services/stream-access.service.js';
import { StreamCredentialRepository } from './domain/stream-credential.js';
import { StreamRepository } from './domain/stream.repository.js';
import { AtRestCipher } from './infrastructure/keys/at-rest-cipher.js';
import { JoseSetSigner } from './infrastructure/keys/jose-set-signer.js';
import { PostgresSigningKeys } from './infrastructure/keys/postgres-signing-keys.js';
import { SqlOrganizationDirectory } from './infrastructure/persistence/sql-organization.directory.js';
import { SqlStreamCredentialRepository } from './infrastructure/persistence/sql-stream-credential.repository.js';
import { SqlStreamDirectory } from './infrastructure/persistence/sql-stream.directory.js';
import { SqlStreamRepository } from './infrastructure/persistence/sql-stream.repository.js';
import { CryptoStreamCredentialSecrets } from './infrastructure/persistence/stream-credential-secrets.js';
import { DiscoveryController } from './interface/http/discovery.controller.js';
import { SharedSignalsAdminController } from './interface/http/shared-signals-admin.controller.js';
import { StreamCallerGuard, SharedSignalsAdminGuard } from './interface/http/stream-caller.guard.js';
import { StreamsController } from './interface/http/streams.controller.js';

export function transmitterSettings(config: AppConfig): TransmitterSettings {
  return {
    issuer: config.PUBLIC_URL.replace(/\/+$/, ''),
    allowHttpPush: config.SSF_ALLOW_HTTP_PUSH,
    maxStreamsPerOrganization: config.SSF_MAX_STREAMS_PER_ORGANIZATION,
    minVerificationIntervalSeconds: config.SSF_MIN_VERIFICATION_INTERVAL_SECONDS,
  };
}

/** The transmitter's surface: discovery, signing keys, streams and their subjects, stream credentials. */
const TRANSMITTER_PROVIDERS: Provider[] = [
  { provide: TransmitterSettings, useFactory: transmitterSettings, inject: [AppConfig] },
  AtRestCipher,
  PostgresSigningKeys,
  { provide: SigningKeys, useExisting: PostgresSigningKeys },
  { provide: SetSigner, useClass: JoseSetSigner },
  { provide: StreamRepository, useClass: SqlStreamRepository },
  { provide: StreamDirectory, useClass: SqlStreamDirectory },
  { provide: StreamCredentialRepository, useClass: SqlStreamCredentialRepository },
  { provide: StreamCredentialSecrets, useClass: CryptoStreamCredentialSecrets },
  { provide: OrganizationDirectory, useClass: SqlOrganizationDirectory },
  StreamAccess,
  StreamCallerGuard,
  SharedSignalsAdminGuard,
  CreateStreamHandler,
  UpdateStreamHandler,
  DeleteStreamHandler,
  ChangeStreamStatusHandler,
  ChangeSubjectsHandler,
  VerifyStreamHandler,
  RotateSigningKeyHandler,
  CreateStreamCredentialHandler,
  RevokeStreamCredentialHandler,
  GetStreamsHandler,
  GetStreamStatusHandler,
  ListStreamCredentialsHandler,
  GetJwksHandler,
  ListSigningKeysHandler,
];

/**
 * Shared Signals (SSF 1.0 transmitter, CAEP events): docs/shared-signals.md. The API's root module
 * imports it; the command and query buses come from `CqrsModule.forRoot()` there.
 * Event production and delivery add their providers (StreamEvents among them) beside the transmitter's.
 */
@Module({
  imports: [MikroOrmModule.forFeature(EVENT_SCHEMAS)],
  controllers: [DiscoveryController, StreamsController, SharedSignalsAdminController, ...EVENT_CONTROLLERS],
  providers: [...TRANSMITTER_PROVIDERS, ...EVENT_PROVIDERS],
  exports: [SetSigner, StreamDirectory, SigningKeys],
})
export class SharedSignalsModule {}
