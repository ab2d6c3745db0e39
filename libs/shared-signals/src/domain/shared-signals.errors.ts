import { DomainError } from '#libs/building-blocks';

/** No such stream for this caller: another organization's stream answers the same (never 403). */
export class StreamNotFoundError extends DomainError {
  readonly code = 'STREAM_NOT_FOUND';
  readonly status = 404;

  constructor() {
    super('There is no such stream.');
  }
}

/** A stream configuration that cannot be stored; `errors` names each field and what is wrong with it. */
export class InvalidStreamConfigurationError extends DomainError {
  readonly code = 'INVALID_STREAM_CONFIGURATION';
  readonly status = 400;

  constructor(errors: Array<{ field: string; message: string }>) {
    super(`The stream configuration is not valid: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}.`);
    this.extensions.errors = errors;
  }
}

export class InvalidSubjectError extends DomainError {
  readonly code = 'INVALID_SUBJECT';
  readonly status = 400;
}

export class StreamLimitReachedError extends DomainError {
  readonly code = 'STREAM_LIMIT_REACHED';
  readonly status = 409;

  constructor(limit: number) {
    super(`The organization already has ${limit} streams, the most allowed; delete one first.`);
    this.extensions.limit = limit;
  }
}

export class OrganizationRequiredError extends DomainError {
  readonly code = 'ORGANIZATION_REQUIRED';
  readonly status = 400;

  constructor(message = 'A stream created with the administration key names its organization: "organization": "<name>".') {
    super(message);
  }
}

export class OrganizationNotFoundError extends DomainError {
  readonly code = 'ORGANIZATION_NOT_FOUND';
  readonly status = 404;

  constructor() {
    super('There is no such organization.');
  }
}

/** SSF 1.0 §8.1.4: verification asked more often than `min_verification_interval`. */
export class VerificationTooFrequentError extends DomainError {
  readonly code = 'VERIFICATION_TOO_FREQUENT';
  readonly status = 429;

  constructor(retryAfterSeconds: number) {
    super(`Verification may be asked at most once every min_verification_interval; retry in ${retryAfterSeconds} s.`);
    this.extensions.retryAfter = retryAfterSeconds;
  }
}

export class StreamCredentialNotFoundError extends DomainError {
  readonly code = 'STREAM_CREDENTIAL_NOT_FOUND';
  readonly status = 404;

  constructor() {
    super('There is no such stream credential in this organization.');
  }
}
