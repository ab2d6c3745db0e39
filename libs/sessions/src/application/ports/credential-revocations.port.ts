import type { RevokedApiToken } from '../../domain/api-token.repository.js';
import type { Session } from '../../domain/session.aggregate.js';

export interface RevokedCredentials {
  sessionIds?: string[];
  apiTokens?: RevokedApiToken[];
}

/**
 * What every instance's guard must learn about the current transaction's credentials. Called
 * inside a transaction; what `revoked` and `sessionOpened` register is published once that
 * transaction commits (before it resolves to its caller), and dropped if it rolls back.
 */
export abstract class CredentialRevocations {
  /**
   * An expiry's half before commit: the credentials are published as pending on every instance's
   * view, or this throws RevocationUnavailableError (503) so the caller's transaction rolls back.
   * Then, as for `revoked`, they are denied outright once the transaction commits.
   */
  abstract revokedBeforeCommit(items: RevokedCredentials): Promise<void>;
  abstract revoked(items: RevokedCredentials): void;
  /** A session opened or rotated in its credential version: the guard may know it without asking the database. */
  abstract sessionOpened(session: Pick<Session, 'id' | 'accountId' | 'organizationId' | 'expiresAt'>, credentialVersion: number): void;
}
