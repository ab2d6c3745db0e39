import { DomainError } from '#libs/building-blocks';

/** A mail job no retry can fix: an unknown name or a payload that breaks the contract. */
export class InvalidMailJobError extends DomainError {
  readonly code = 'INVALID_MAIL_JOB';
  /** Raised in the worker only; never an answer to a client. */
  readonly status = 500;

  constructor(
    readonly jobName: string,
    readonly problems: string[],
  ) {
    super(`Invalid mail job "${jobName}": ${problems.join('; ')}`);
  }
}
