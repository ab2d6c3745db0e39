export const CREDENTIALS_EXPIRED_JOB = 'credentials-expired';

export interface CredentialsExpiredJob {
  accountId: string;
  reason: string;
  expiredAt: string;
}

/**
 * Queues the heavy, idempotent clean-up after an expiry in the current transaction, so it runs
 * if and only if the expiry commits. The expiry's guarantee never depends on it.
 */
export abstract class RevocationJobs {
  abstract credentialsExpired(job: CredentialsExpiredJob): void;
}
