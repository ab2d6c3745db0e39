import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { REVOCATION_QUEUE } from '#libs/platform';
import { CredentialCache } from './infrastructure/cache/credential-cache.js';
import { CacheTrust } from './infrastructure/cache/cache-trust.js';
import { RevocationCleanUp } from './infrastructure/queue/revocation-clean-up.js';
import { RevocationProcessor } from './infrastructure/queue/revocation.processor.js';

/** The worker side of sessions: the `revocation` queue. */
@Module({
  imports: [BullModule.registerQueue({ name: REVOCATION_QUEUE })],
  providers: [CacheTrust, CredentialCache, RevocationCleanUp, RevocationProcessor],
})
export class SessionsWorkerModule {}
