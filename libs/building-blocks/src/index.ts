export { AggregateRoot } from './aggregate-root.js';
export { Clock, SystemClock } from './clock.port.js';
export { ConflictError, DomainError, ForbiddenError, NotFoundError, ValidationFailedError } from './domain-error.js';
export type { DomainEvent } from './domain-event.js';
export { INTERNAL_ORIGIN, type RequestOrigin } from './request-origin.js';
