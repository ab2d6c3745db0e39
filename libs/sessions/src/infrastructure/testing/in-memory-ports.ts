import { Clock } from '#libs/building-blocks';
import { AccessTokenSigner, type AccessTokenSubject } from '../../application/ports/access-token-signer.port.js';
import { type CredentialsExpiredJob, RevocationJobs } from '../../application/ports/revocation-jobs.port.js';
import { TokenSecrets } from '../../application/ports/token-secrets.port.js';
import type { TransactionParticipant } from './in-memory-unit-of-work.js';

export class SteppingClock extends Clock {
  constructor(public current = new Date('2026-11-27T09:00:00Z')) {
    super();
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(seconds: number): void {
    this.current = new Date(this.current.getTime() + seconds * 1000);
  }
}

/** Predictable secrets (`<prefix>secret-1`, …) whose hash shows what was hashed. */
export class SequentialTokenSecrets extends TokenSecrets {
  private next = 0;

  generate(prefix = ''): string {
    return `${prefix}secret-${++this.next}`;
  }

  hash(token: string): string {
    return `hash(${token})`;
  }
}

/** An access token that reads as what it was signed for: `access:<session>:cv<version>`. */
export class ReadableAccessTokenSigner extends AccessTokenSigner {
  readonly ttlSeconds = 900;

  sign(subject: AccessTokenSubject): string {
    return `access:${subject.sessionId}:cv${subject.credentialVersion}`;
  }
}

/** Jobs queued by committed transactions only, as the outbox does. */
export class InMemoryRevocationJobs extends RevocationJobs implements TransactionParticipant {
  readonly queued: CredentialsExpiredJob[] = [];
  private waiting: CredentialsExpiredJob[] = [];

  credentialsExpired(job: CredentialsExpiredJob): void {
    this.waiting.push(job);
  }

  begin(): void {
    this.waiting = [];
  }

  commit(): void {
    this.queued.push(...this.waiting.splice(0));
  }

  rollback(): void {
    this.waiting = [];
  }
}
