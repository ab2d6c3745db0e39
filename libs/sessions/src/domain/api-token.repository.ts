import type { ApiToken } from './api-token.aggregate.js';

/** What the cache needs to deny a revoked token: its id and the hash it is looked up by. */
export interface RevokedApiToken {
  id: string;
  secretHash: string;
}

export abstract class ApiTokenRepository {
  /**
   * Stores the token only if its credential version is still the account's, under the lock an
   * expiry takes on that version; false when that era has ended (docs/sessions.md).
   */
  abstract addIfCurrent(token: ApiToken): Promise<boolean>;
  /** Not revoked (expired ones included), newest first. */
  abstract listUnrevoked(accountId: string): Promise<ApiToken[]>;
  /** Revokes one token of the account, or all its tokens; returns those it revoked now. */
  abstract revoke(filter: { accountId: string; id?: string }, now: Date): Promise<RevokedApiToken[]>;
}
