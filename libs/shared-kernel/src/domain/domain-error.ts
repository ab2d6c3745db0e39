/**
 * An invariant that failed. `code` is stable and public: clients branch on it, and the
 * problem-details filter maps it to an HTTP status.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  /** Extra members for the problem JSON (never a secret). */
  readonly extensions: Record<string, unknown> = {};

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
}

export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
}

export class ValidationFailedError extends DomainError {
  readonly code = 'VALIDATION_FAILED';

  constructor(message: string, errors: Array<{ field: string; message: string }>) {
    super(message);
    this.extensions.errors = errors;
  }
}
