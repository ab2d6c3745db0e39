import { DomainError } from '#libs/shared-kernel';

/** Missing, malformed, expired or revoked credentials: one answer for all, so none is told apart. */
export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';

  constructor(message = 'Authentication is required: the token is missing, invalid, expired or revoked.') {
    super(message);
  }
}

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
}
