export { AggregateRoot } from './aggregate-root.js';
export { Clock, SystemClock } from './clock.port.js';
export { ConflictError, DomainError, ForbiddenError, NotFoundError, ValidationFailedError } from './domain-error.js';
export type { DomainEvent } from './domain-event.js';
export { type DomainEventClass, DomainEvents, type DomainEventSubscriber } from './domain-events.port.js';
export { INTERNAL_ORIGIN, type RequestOrigin } from './request-origin.js';
export { UnitOfWork } from './unit-of-work.port.js';
export { InMemoryDomainEvents } from './testing/in-memory-domain-events.js';
