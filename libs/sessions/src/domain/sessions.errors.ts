import { DomainError } from '#libs/building-blocks';

/** Missing, malformed, expired or revoked credentials: one answer for all, so none is told apart. */
export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
  readonly status = 401;

  constructor(message = 'Authentication is required: the token is missing, invalid, expired or revoked.') {
    super(message);
  }
}

/**
 * An expiry could not be made visible to every instance (Redis unreachable from this one, or its
 * replicas not acknowledging): it is refused whole, so the caller may retry, rather than answered
 * with a 204 the system could not keep.
 */
export class RevocationUnavailableError extends DomainError {
  readonly code = 'SERVICE_UNAVAILABLE';
  readonly status = 503;

  constructor() {
    super('The expiry could not be applied on every instance right now; nothing was changed. Retry shortly.');
  }
}
