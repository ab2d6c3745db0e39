/**
 * An invariant that failed. `code` is stable and public: clients branch on it. `status` is the
 * HTTP status the problem answers with; each error states its own, so a module (or an extension)
 * that adds an error code never needs an edit elsewhere and never answers 500 by omission.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly status: number;
  /** Extra members for the problem JSON (never a secret). */
  readonly extensions: Record<string, unknown> = {};

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  readonly status = 404;
}

export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
  readonly status = 409;
}

export class ValidationFailedError extends DomainError {
  readonly code = 'VALIDATION_FAILED';
  readonly status = 400;

  constructor(message: string, errors: Array<{ field: string; message: string }>) {
    super(message);
    this.extensions.errors = errors;
  }
}

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
  readonly status = 403;
}
