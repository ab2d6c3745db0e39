import { Injectable } from '@nestjs/common';
import { Outbox, REVOCATION_QUEUE } from '#libs/platform';
import { CREDENTIALS_EXPIRED_JOB, type CredentialsExpiredJob, RevocationJobs } from '../../application/ports/revocation-jobs.port.js';

/** Through the outbox, in the caller's transaction; the relay hands the job to the `revocation` queue. */
@Injectable()
export class OutboxRevocationJobs extends RevocationJobs {
  constructor(private readonly outbox: Outbox) {
    super();
  }

  credentialsExpired(job: CredentialsExpiredJob): void {
    this.outbox.add({ queue: REVOCATION_QUEUE, name: CREDENTIALS_EXPIRED_JOB, payload: { ...job } });
  }
}
