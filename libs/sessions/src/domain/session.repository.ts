import type { RefreshToken } from './refresh-token.entity.js';
import type { Session } from './session.aggregate.js';
import type { EndedSession } from './session.events.js';

export abstract class SessionRepository {
  /**
   * Stores a new session with its first refresh token, bound to the account's credential version,
   * and returns that version; the version's row stays locked until the transaction ends, which is
   * what orders a sign-in against a concurrent expiry (docs/sessions.md).
   */
  abstract insertOpened(session: Session, token: RefreshToken): Promise<number>;
  /** The session a refresh token belongs to, locked until the transaction ends, and the token read after the lock. */
  abstract lockByRefreshToken(tokenHash: string): Promise<{ session: Session; token: RefreshToken } | null>;
  abstract add(...entities: Array<Session | RefreshToken>): void;
  /** Writes what was added and every change to what was loaded. */
  abstract save(): Promise<void>;
  /** Ends the open sessions matching every given filter; returns those it ended. */
  abstract endActive(filter: { sessionId?: string; accountId?: string }, reason: string, now: Date): Promise<EndedSession[]>;
  /** Open and unexpired, newest first. */
  abstract listActive(accountId: string, now: Date): Promise<Session[]>;
}
