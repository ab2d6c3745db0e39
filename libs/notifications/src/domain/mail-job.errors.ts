import { DomainError } from '#libs/shared-kernel';

/** A mail job no retry can fix: an unknown name or a payload that breaks the contract. */
export class InvalidMailJobError extends DomainError {
  readonly code = 'INVALID_MAIL_JOB';

  constructor(
    readonly jobName: string,
    readonly problems: string[],
  ) {
    super(`Invalid mail job "${jobName}": ${problems.join('; ')}`);
  }
}
