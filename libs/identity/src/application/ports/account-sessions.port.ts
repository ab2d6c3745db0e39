import type { IssuedTokens, OpenSessionInput } from '#libs/sessions';

// Re-exported for the files that import it from this port.
export type { IssuedTokens } from '#libs/sessions';

/**
 * What identity needs of the sessions module (its `SessionCommands`, see
 * docs/architecture.md). Every call joins the caller's transaction, and the revocations reach
 * Redis after it commits and before the caller's unit of work resolves.
 */
export abstract class AccountSessions {
  abstract openSession(input: OpenSessionInput): Promise<IssuedTokens>;
  abstract endSession(sessionId: string, reason: string): Promise<void>;
  abstract endAllSessions(accountId: string, reason: string): Promise<void>;
  abstract expireAllCredentials(accountId: string, reason: string): Promise<void>;
}
