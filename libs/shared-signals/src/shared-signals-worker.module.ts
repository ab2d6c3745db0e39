import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { DELIVERY_PROVIDERS } from './shared-signals-events.js';
import { DeliveryBacklog } from './infrastructure/delivery/delivery-backlog.js';
import { DeliverySweeper } from './infrastructure/delivery/delivery-sweeper.js';
import { SSF_QUEUE } from './infrastructure/delivery/delivery-nudges.js';
import { SsfDeliveryProcessor } from './infrastructure/delivery/ssf-delivery.processor.js';
import { SetSigner } from './application/ports/set-signer.port.js';
import { StreamDirectory } from './application/ports/stream-directory.port.js';
import { AtRestCipher } from './infrastructure/keys/at-rest-cipher.js';
import { JoseSetSigner } from './infrastructure/keys/jose-set-signer.js';
import { PostgresSigningKeys } from './infrastructure/keys/postgres-signing-keys.js';
import { SqlStreamDirectory } from './infrastructure/persistence/sql-stream.directory.js';
import { TransmitterSettings } from './application/ports/transmitter-settings.port.js';
import { transmitterSettings } from './shared-signals.module.js';
import { AppConfig } from '#libs/platform';

/** What delivery needs of the stream management side: the streams, the signing key, the issuer. */
const STREAM_PORTS = [
  { provide: TransmitterSettings, useFactory: transmitterSettings, inject: [AppConfig] },
  AtRestCipher,
  PostgresSigningKeys,
  { provide: SetSigner, useClass: JoseSetSigner },
  { provide: StreamDirectory, useClass: SqlStreamDirectory },
];

/**
 * The worker side of Shared Signals: the `ssf` queue's processor, which pushes a stream's events as
 * soon as the API nudges it, and the sweeper, which delivers from PostgreSQL whatever a nudge missed
 * (Redis or the worker down when the change committed) and every retry when it is due; the backlog on
 * the worker's /metrics and /health too.
 */
@Module({
  imports: [BullModule.registerQueue({ name: SSF_QUEUE })],
  providers: [...STREAM_PORTS, ...DELIVERY_PROVIDERS, SsfDeliveryProcessor, DeliverySweeper, DeliveryBacklog],
})
export class SharedSignalsWorkerModule {}
