import type { DomainEvent, RequestOrigin } from '#libs/building-blocks';

/**
 * An API token was made; published in the transaction that stores it (identity's audit trail
 * subscribes). Never carries the secret or its hash: the token's id and name only.
 */
export class ApiTokenCreated implements DomainEvent {
  readonly type = 'ApiTokenCreated';

  constructor(
    readonly apiTokenId: string,
    readonly accountId: string,
    readonly organizationId: string,
    readonly name: string,
    readonly origin: RequestOrigin,
    readonly occurredAt: Date,
  ) {}
}

/** Its owner revoked an API token; published in the transaction that revokes it. */
export class ApiTokenRevoked implements DomainEvent {
  readonly type = 'ApiTokenRevoked';

  constructor(
    readonly apiTokenId: string,
    readonly accountId: string,
    readonly organizationId: string,
    readonly origin: RequestOrigin,
    readonly occurredAt: Date,
  ) {}
}
